// Note editor toolbar: bold, italic, heading, list, link, [[link to a
// note]] and @mention, by button or keyboard (Ctrl+B, Ctrl+I, Ctrl+K in
// the text; arrow keys move between the buttons of the toolbar, which
// takes one stop of Tab). Mentions are stored as @[Name](user:ID) but the
// writer sees and types @Name: the text is shown with names only, and
// turned back into the stored form when sent, previewed or autosaved.
// Fields that only apply to some kinds of note show for those kinds.
// Without JavaScript the editor is a plain Markdown textarea.
(function () {
  "use strict";

  var MENTION = /@\[([^\]\n]+)\]\(user:([A-Za-z0-9_-]+)\)/g;

  function escapeRegExp(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  // Mentions keeps the people mentioned in a textarea by name.
  function Mentions(area) {
    this.area = area;
    this.ids = {};
  }

  // decode shows @Name for each stored mention and remembers who it is.
  Mentions.prototype.decode = function () {
    var ids = this.ids;
    this.area.value = this.area.value.replace(MENTION, function (_, name, id) {
      ids[name] = id;
      return "@" + name;
    });
  };

  // encode returns the text with each @Name of a known person in the
  // stored form; a name typed by hand that nobody picked stays text.
  Mentions.prototype.encode = function () {
    var text = this.area.value;
    var names = Object.keys(this.ids).sort(function (a, b) { return b.length - a.length; });
    if (names.length === 0) {
      return text;
    }
    var ids = this.ids;
    var pattern = new RegExp("@(" + names.map(escapeRegExp).join("|") + ")(?![\\p{L}\\p{N}\\]])", "gu");
    return text.replace(pattern, function (whole, name, offset, all) {
      if (all.charAt(offset + whole.length) === "]" || all.slice(offset - 1, offset) === "[") {
        return whole;
      }
      return "@[" + name + "](user:" + ids[name] + ")";
    });
  };

  // wrap puts before/after around the selection, or around placeholder
  // text that stays selected for typing over.
  function wrap(area, before, after, placeholder) {
    var start = area.selectionStart, end = area.selectionEnd, v = area.value;
    var inner = v.slice(start, end) || placeholder;
    area.value = v.slice(0, start) + before + inner + after + v.slice(end);
    area.focus();
    area.setSelectionRange(start + before.length, start + before.length + inner.length);
    changed(area);
  }

  // prefixLines starts each selected line (or the caret's line) with prefix.
  function prefixLines(area, prefix) {
    var v = area.value;
    var start = v.lastIndexOf("\n", area.selectionStart - 1) + 1;
    var end = area.selectionEnd;
    var block = v.slice(start, end);
    var lines = block.split("\n").map(function (l) {
      return l.indexOf(prefix) === 0 ? l : prefix + l;
    });
    var out = lines.join("\n");
    area.value = v.slice(0, start) + out + v.slice(end);
    area.focus();
    area.setSelectionRange(start + out.length, start + out.length);
    changed(area);
  }

  function insert(area, text) {
    var start = area.selectionStart, end = area.selectionEnd, v = area.value;
    area.value = v.slice(0, start) + text + v.slice(end);
    area.focus();
    area.setSelectionRange(start + text.length, start + text.length);
    changed(area);
  }

  function changed(area) {
    area.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function format(area, what, button) {
    switch (what) {
      case "bold": return wrap(area, "**", "**", "…");
      case "italic": return wrap(area, "*", "*", "…");
      case "heading": return prefixLines(area, "## ");
      case "list": return prefixLines(area, "- ");
      case "link": return wrap(area, "[", "](https://)", button ? button.getAttribute("data-placeholder") : "lien");
      case "wiki": return wrap(area, "[[", "]]", "");
    }
  }

  // picker opens the person picker under the toolbar; choosing someone
  // inserts @Name at the caret.
  function picker(area, mentions, button) {
    var panel = document.getElementById(button.getAttribute("aria-controls"));
    if (!panel) {
      return function () {};
    }
    var input = panel.querySelector("input");
    var list = panel.querySelector("[role=listbox]");
    var url = panel.getAttribute("data-suggest-url");
    var active = -1, timer = null, seq = 0, caret = 0;

    function options() { return Array.prototype.slice.call(list.querySelectorAll("[role=option]")); }

    function setExpanded(open) {
      input.setAttribute("aria-expanded", open ? "true" : "false");
      list.hidden = !open;
    }

    function close(back) {
      panel.hidden = true;
      button.setAttribute("aria-expanded", "false");
      setExpanded(false);
      list.replaceChildren();
      input.value = "";
      if (back) {
        area.focus();
        area.setSelectionRange(caret, caret);
      }
    }

    function choose(person) {
      mentions.ids[person.name] = person.id;
      close(true);
      insert(area, "@" + person.name + " ");
    }

    function highlight(i) {
      var opts = options();
      opts.forEach(function (o, j) { o.setAttribute("aria-selected", j === i ? "true" : "false"); });
      active = i;
      if (opts[i]) {
        input.setAttribute("aria-activedescendant", opts[i].id);
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function show(people) {
      list.replaceChildren();
      people.forEach(function (p, i) {
        var li = document.createElement("li");
        li.id = "mention-opt-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.textContent = p.name;
        li.addEventListener("mousedown", function (e) {
          e.preventDefault();
          choose(p);
        });
        li.person = p;
        list.appendChild(li);
      });
      setExpanded(people.length > 0);
      highlight(people.length > 0 ? 0 : -1);
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        var q = input.value.trim();
        if (q === "") {
          show([]);
          return;
        }
        var mine = ++seq;
        fetch(url + "?q=" + encodeURIComponent(q), { credentials: "same-origin", headers: { Accept: "application/json" } })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (people) {
            if (mine === seq) {
              show(Array.isArray(people) ? people : []);
            }
          })
          .catch(function () { show([]); });
      }, 200);
    });

    input.addEventListener("keydown", function (e) {
      var opts = options();
      if (e.key === "ArrowDown") {
        e.preventDefault();
        highlight(Math.min(active + 1, opts.length - 1));
      } else if (e.key === "ArrowUp") {
        e.preventDefault();
        highlight(Math.max(active - 1, 0));
      } else if (e.key === "Enter") {
        e.preventDefault();
        if (opts[active]) {
          choose(opts[active].person);
        }
      } else if (e.key === "Escape") {
        e.preventDefault();
        close(true);
      }
    });

    return function open() {
      caret = area.selectionStart;
      var opening = panel.hidden;
      if (!opening) {
        close(true);
        return;
      }
      panel.hidden = false;
      button.setAttribute("aria-expanded", "true");
      input.focus();
    };
  }

  // roving keeps one button of the toolbar in the Tab order; arrow keys,
  // Home and End move between them.
  function roving(toolbar) {
    var buttons = Array.prototype.slice.call(toolbar.querySelectorAll("button"));
    buttons.forEach(function (b, i) { b.tabIndex = i === 0 ? 0 : -1; });
    toolbar.addEventListener("keydown", function (e) {
      var i = buttons.indexOf(document.activeElement);
      if (i < 0) {
        return;
      }
      var next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: buttons.length - 1 }[e.key];
      if (next === undefined) {
        return;
      }
      e.preventDefault();
      next = (next + buttons.length) % buttons.length;
      buttons[i].tabIndex = -1;
      buttons[next].tabIndex = 0;
      buttons[next].focus();
    });
  }

  // kindFields shows the fields that apply to the chosen kind of note.
  function kindFields(form) {
    var kind = form.querySelector("select[name=kind]");
    if (!kind) {
      return;
    }
    function apply() {
      form.querySelectorAll("[data-kinds]").forEach(function (el) {
        var kinds = el.getAttribute("data-kinds").split(" ");
        el.hidden = kinds.indexOf(kind.value) < 0;
      });
    }
    kind.addEventListener("change", apply);
    apply();
  }

  function init(form) {
    kindFields(form);
    var toolbar = form.querySelector("[data-toolbar-for]");
    if (!toolbar) {
      return;
    }
    var area = document.getElementById(toolbar.getAttribute("data-toolbar-for"));
    if (!area) {
      return;
    }
    var mentions = new Mentions(area);
    mentions.decode();
    // The autosave and the preview send the stored form.
    area.maillageEncode = function () { return mentions.encode(); };
    toolbar.hidden = false;
    roving(toolbar);
    var openPicker = null;
    toolbar.querySelectorAll("button[data-format]").forEach(function (b) {
      var what = b.getAttribute("data-format");
      if (what === "mention") {
        openPicker = picker(area, mentions, b);
        b.addEventListener("click", function () { openPicker(); });
        return;
      }
      b.addEventListener("click", function () { format(area, what, b); });
    });
    area.addEventListener("keydown", function (e) {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) {
        return;
      }
      var key = e.key.toLowerCase();
      var what = { b: "bold", i: "italic", k: "link" }[key];
      if (what) {
        e.preventDefault();
        format(area, what, toolbar.querySelector("[data-format=" + what + "]"));
      }
    });
    form.addEventListener("submit", function () {
      area.value = mentions.encode();
    });
    document.body.addEventListener("htmx:configRequest", function (e) {
      if (e.detail && e.detail.parameters && e.detail.elt && form.contains(e.detail.elt)) {
        var p = e.detail.parameters;
        var encoded = mentions.encode();
        if (typeof p.set === "function") {
          p.set("body", encoded);
        } else {
          p.body = encoded;
        }
      }
    });
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
