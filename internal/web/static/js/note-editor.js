// Note editor: autosaves drafts while typing, completes [[wiki links]]
// with the titles of notes the writer may see, and inserts attached files
// into the text. Without JavaScript the editor is a plain form and still
// works: the "Preview" button posts it, drafts are simply not kept.
(function () {
  "use strict";

  var AUTOSAVE_MS = 10000;
  var SUGGEST_DELAY_MS = 200;

  function init(form) {
    var body = form.querySelector("textarea[name=body]");
    var title = form.querySelector("input[name=title]");
    if (!body) {
      return;
    }
    autosave(form, title, body);
    var list = document.getElementById(body.getAttribute("data-note-suggest"));
    if (list) {
      completeLinks(form, body, list);
    }
    document.querySelectorAll("button[data-insert]").forEach(function (b) {
      b.hidden = false;
      b.addEventListener("click", function () {
        var target = document.getElementById(b.getAttribute("data-insert-into")) || body;
        insertAtCaret(target, b.getAttribute("data-insert"));
      });
    });
  }

  // autosave posts the title and body every few seconds while they
  // change, and once more when the page is left.
  function autosave(form, title, body) {
    var status = document.getElementById("note-draft-status");
    var url = form.getAttribute("data-draft-url");
    var noteID = form.getAttribute("data-note-id") || "";
    var dirty = false;
    var saving = false;
    var submitted = false;

    function fields() {
      var p = new URLSearchParams();
      p.set("note_id", noteID);
      p.set("title", title ? title.value : "");
      // The toolbar shows mentions by name; the draft keeps their stored form.
      p.set("body", body.maillageEncode ? body.maillageEncode() : body.value);
      return p;
    }

    function save() {
      if (!dirty || saving || submitted) {
        return;
      }
      dirty = false;
      saving = true;
      fetch(url, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: fields().toString()
      }).then(function (resp) {
        return resp.json().catch(function () { return { saved: false, message: "" }; });
      }).then(function (answer) {
        if (status && answer.message) {
          status.textContent = answer.message;
        }
        if (!answer.saved) {
          dirty = true;
        }
      }).catch(function () {
        dirty = true;
      }).then(function () {
        saving = false;
      });
    }

    [title, body].forEach(function (el) {
      if (el) {
        el.addEventListener("input", function () { dirty = true; });
      }
    });
    form.addEventListener("submit", function () { submitted = true; });
    window.setInterval(save, AUTOSAVE_MS);
    window.addEventListener("pagehide", function () {
      if (dirty && !submitted && navigator.sendBeacon) {
        navigator.sendBeacon(url, new Blob([fields().toString()], { type: "application/x-www-form-urlencoded" }));
      }
    });
  }

  // linkQuery returns the text typed after an unclosed "[[" before the
  // caret, or null when the caret is not inside a wiki link.
  function linkQuery(textarea) {
    var before = textarea.value.slice(0, textarea.selectionStart);
    var open = before.lastIndexOf("[[");
    if (open < 0) {
      return null;
    }
    var typed = before.slice(open + 2);
    if (typed.indexOf("]]") >= 0 || typed.indexOf("\n") >= 0 || typed.indexOf("|") >= 0 || typed.length > 100) {
      return null;
    }
    return { start: open + 2, text: typed };
  }

  function completeLinks(form, textarea, list) {
    var url = form.getAttribute("data-suggest-url");
    var timer = null;
    var active = -1;
    var query = null;
    var seq = 0;

    function options() {
      return Array.prototype.slice.call(list.querySelectorAll("[role=option]"));
    }

    function close() {
      list.hidden = true;
      list.replaceChildren();
      active = -1;
      textarea.removeAttribute("aria-activedescendant");
    }

    function highlight(i) {
      var opts = options();
      opts.forEach(function (o, j) { o.setAttribute("aria-selected", j === i ? "true" : "false"); });
      active = i;
      if (i >= 0 && opts[i]) {
        textarea.setAttribute("aria-activedescendant", opts[i].id);
        opts[i].scrollIntoView({ block: "nearest" });
      } else {
        textarea.removeAttribute("aria-activedescendant");
      }
    }

    function choose(titleText) {
      var q = linkQuery(textarea);
      if (!q) {
        close();
        return;
      }
      var value = textarea.value;
      var end = textarea.selectionStart;
      var closing = value.slice(end, end + 2) === "]]" ? "" : "]]";
      textarea.value = value.slice(0, q.start) + titleText + closing + value.slice(end);
      var caret = q.start + titleText.length + 2;
      textarea.setSelectionRange(caret, caret);
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
      close();
      textarea.focus();
    }

    function show(items) {
      list.replaceChildren();
      items.forEach(function (item, i) {
        var li = document.createElement("li");
        li.id = "note-link-opt-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.textContent = item.title;
        li.addEventListener("mousedown", function (e) {
          e.preventDefault();
          choose(item.title);
        });
        list.appendChild(li);
      });
      list.hidden = items.length === 0;
      active = -1;
    }

    function lookup() {
      query = linkQuery(textarea);
      if (!query || query.text.trim() === "") {
        close();
        return;
      }
      var mine = ++seq;
      fetch(url + "?q=" + encodeURIComponent(query.text), { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (resp) { return resp.ok ? resp.json() : []; })
        .then(function (items) {
          if (mine === seq) {
            show(Array.isArray(items) ? items : []);
          }
        })
        .catch(close);
    }

    textarea.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(lookup, SUGGEST_DELAY_MS);
    });

    textarea.addEventListener("keydown", function (e) {
      if (list.hidden) {
        return;
      }
      var opts = options();
      if (e.key === "ArrowDown") {
        e.preventDefault();
        highlight(Math.min(active + 1, opts.length - 1));
      } else if (e.key === "ArrowUp") {
        e.preventDefault();
        highlight(Math.max(active - 1, 0));
      } else if ((e.key === "Enter" || e.key === "Tab") && active >= 0 && opts[active]) {
        e.preventDefault();
        choose(opts[active].textContent);
      } else if (e.key === "Escape") {
        e.preventDefault();
        close();
      }
    });

    textarea.addEventListener("blur", function () {
      window.setTimeout(close, 150);
    });
  }

  // insertAtCaret puts text where the caret is, on its own line.
  function insertAtCaret(textarea, text) {
    var start = textarea.selectionStart || 0;
    var end = textarea.selectionEnd || start;
    var value = textarea.value;
    var before = value.slice(0, start);
    var sep = before === "" || before.slice(-1) === "\n" ? "" : "\n";
    textarea.value = before + sep + text + "\n" + value.slice(end);
    var caret = start + sep.length + text.length + 1;
    textarea.focus();
    textarea.setSelectionRange(caret, caret);
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function start() {
    document.querySelectorAll("form.note-editor").forEach(init);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
