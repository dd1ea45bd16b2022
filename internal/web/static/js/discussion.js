// Community discussion. Everything here is an enhancement: without
// JavaScript, forms post and pages reload as usual.
//
//  - The reply form is sent with htmx and the page's #discussion section
//    replaces the old one. A refused reply (empty, too long, a locked
//    thread) comes back as 422, 409 or 403 with the form and its errors,
//    which htmx would otherwise not show.
//  - Editors (textarea[data-mentions]) suggest people after "@" and notes
//    after "[[", and insert @[Name](user:ID) or ![[Title]].
(function () {
  "use strict";

  document.addEventListener("htmx:beforeSwap", function (e) {
    var d = e.detail;
    if (!d.target || d.target.id !== "discussion") {
      return;
    }
    if (d.xhr.status === 422 || d.xhr.status === 409 || d.xhr.status === 403) {
      d.shouldSwap = true;
      d.isError = false;
    }
  });

  // After a swap the focus goes where the reader expects it: the error
  // summary, or the emptied reply box.
  document.addEventListener("htmx:afterSettle", function (e) {
    if (!e.detail.target || e.detail.target.id !== "discussion") {
      return;
    }
    var errors = document.getElementById("form-errors");
    if (errors) {
      errors.focus();
      return;
    }
    var box = document.getElementById("f-body");
    if (box) {
      box.focus();
    }
  });

  // ------------------------------------------------------------ mentions

  var timer = null;
  var seq = 0;

  function listFor(area) {
    return document.getElementById(area.getAttribute("data-mentions"));
  }

  function close(list) {
    if (list) {
      list.replaceChildren();
      list.hidden = true;
    }
  }

  // trigger finds what is being typed before the caret: "@abc" asks for
  // people, "[[abc" (or "![[abc") for notes.
  function trigger(area) {
    var before = area.value.slice(0, area.selectionStart);
    var m = before.match(/(^|\s)@([^\s@\[\]()]{1,40})$/);
    if (m) {
      return { kind: "person", text: m[2], start: before.length - m[2].length - 1 };
    }
    m = before.match(/(!?)\[\[([^\[\]\n]{1,80})$/);
    if (m) {
      return { kind: "note", text: m[2], start: before.length - m[2].length - 2 - m[1].length };
    }
    return null;
  }

  function suggest(area) {
    var list = listFor(area);
    var t = trigger(area);
    if (!list || !t) {
      close(list);
      return;
    }
    var url = t.kind === "person" ? "/people/suggest?q=" : "/notes/suggest?q=";
    var mine = ++seq;
    fetch(url + encodeURIComponent(t.text), { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (items) {
        if (mine !== seq) {
          return;
        }
        list.replaceChildren();
        (items || []).slice(0, 8).forEach(function (it) {
          var li = document.createElement("li");
          var b = document.createElement("button");
          b.type = "button";
          b.textContent = t.kind === "person" ? it.name : it.title;
          b.setAttribute("data-insert", t.kind === "person"
            ? "@[" + it.name.replace(/[\[\]]/g, "") + "](user:" + it.id + ") "
            : "![[" + it.title.replace(/[\[\]|]/g, "") + "]] ");
          b.setAttribute("data-start", String(t.start));
          b.setAttribute("data-for", area.id);
          li.appendChild(b);
          list.appendChild(li);
        });
        list.hidden = list.children.length === 0;
      })
      .catch(function () { close(list); });
  }

  function choose(button) {
    var area = document.getElementById(button.getAttribute("data-for"));
    if (!area) {
      return;
    }
    var start = parseInt(button.getAttribute("data-start"), 10);
    var end = area.selectionStart;
    var text = button.getAttribute("data-insert");
    area.value = area.value.slice(0, start) + text + area.value.slice(end);
    var caret = start + text.length;
    close(listFor(area));
    area.focus();
    area.setSelectionRange(caret, caret);
  }

  document.addEventListener("input", function (e) {
    var area = e.target;
    if (!area.matches || !area.matches("textarea[data-mentions]")) {
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(function () { suggest(area); }, 200);
  });

  document.addEventListener("click", function (e) {
    var b = e.target.closest && e.target.closest(".mention-suggestions button[data-insert]");
    if (b) {
      e.preventDefault();
      choose(b);
    }
  });

  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (t.matches && t.matches("textarea[data-mentions]")) {
      var list = listFor(t);
      if (!list || list.hidden) {
        return;
      }
      if (e.key === "ArrowDown") {
        var first = list.querySelector("button");
        if (first) {
          e.preventDefault();
          first.focus();
        }
      } else if (e.key === "Escape") {
        close(list);
      }
      return;
    }
    var b = t.closest && t.closest(".mention-suggestions button[data-insert]");
    if (!b) {
      return;
    }
    var all = Array.prototype.slice.call(b.closest(".mention-suggestions").querySelectorAll("button"));
    var i = all.indexOf(b);
    if (e.key === "ArrowDown" && i < all.length - 1) {
      e.preventDefault();
      all[i + 1].focus();
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      if (i > 0) {
        all[i - 1].focus();
      } else {
        document.getElementById(b.getAttribute("data-for")).focus();
      }
    } else if (e.key === "Escape") {
      e.preventDefault();
      var area = document.getElementById(b.getAttribute("data-for"));
      close(b.closest(".mention-suggestions"));
      if (area) {
        area.focus();
      }
    }
  });
})();
