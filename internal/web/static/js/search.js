// The header search box: "/" focuses it from anywhere that is not a
// field; suggestions (filled by htmx) form an ARIA combobox, browsed with
// the arrow keys, opened with Enter, closed with Escape. Without
// JavaScript the box is a plain form that opens the results page.
(function () {
  "use strict";

  var INPUT = "site-search-q";
  var LIST = "site-search-list";

  function input() { return document.getElementById(INPUT); }
  function list() { return document.getElementById(LIST); }
  function options() {
    var l = list();
    return l ? Array.prototype.slice.call(l.querySelectorAll("[role=option]")) : [];
  }

  function setExpanded() {
    var i = input();
    if (i) {
      i.setAttribute("aria-expanded", options().length ? "true" : "false");
    }
  }

  function close() {
    var l = list();
    if (l) {
      l.replaceChildren();
    }
    var i = input();
    if (i) {
      i.removeAttribute("aria-activedescendant");
    }
    setExpanded();
  }

  function select(index) {
    var opts = options();
    var i = input();
    opts.forEach(function (o, k) { o.setAttribute("aria-selected", k === index ? "true" : "false"); });
    if (index >= 0 && index < opts.length) {
      i.setAttribute("aria-activedescendant", opts[index].id);
      opts[index].scrollIntoView({ block: "nearest" });
    } else {
      i.removeAttribute("aria-activedescendant");
    }
  }

  function selected() {
    var opts = options();
    for (var k = 0; k < opts.length; k++) {
      if (opts[k].getAttribute("aria-selected") === "true") {
        return k;
      }
    }
    return -1;
  }

  // A late answer for a value the box no longer holds is dropped: it
  // would show suggestions for words that are gone.
  document.addEventListener("htmx:beforeRequest", function (e) {
    if (e.detail.elt && e.detail.elt.id === INPUT && e.detail.xhr) {
      e.detail.xhr.maillageSent = e.detail.elt.value;
    }
  });
  document.addEventListener("htmx:beforeSwap", function (e) {
    var x = e.detail.xhr;
    if (e.detail.elt && e.detail.elt.id === INPUT && x && typeof x.maillageSent === "string" &&
        x.maillageSent !== e.detail.elt.value) {
      e.detail.shouldSwap = false;
    }
  });
  // New suggestions keep the option the person had chosen, when it is
  // still among them.
  var chosen = null;
  document.addEventListener("htmx:beforeSwap", function (e) {
    if (e.detail.target && e.detail.target.id === LIST) {
      var k = selected();
      chosen = k >= 0 ? options()[k].getAttribute("data-href") : null;
    }
  });
  document.addEventListener("htmx:afterSwap", function (e) {
    if (e.detail.target && e.detail.target.id === LIST) {
      setExpanded();
      if (chosen) {
        var opts = options();
        for (var k = 0; k < opts.length; k++) {
          if (opts[k].getAttribute("data-href") === chosen) {
            select(k);
            break;
          }
        }
      }
    }
  });

  // swallow names a key whose keydown was handled here ("/" that moved
  // the focus, Enter that opened an option): its keypress, which some
  // browsers and tools still send, must not type "/" or submit the form.
  var swallow = "";
  document.addEventListener("keypress", function (e) {
    if (swallow && e.key === swallow) {
      e.preventDefault();
    }
    swallow = "";
  });

  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (e.key === "/" && !e.ctrlKey && !e.metaKey && !e.altKey) {
      var typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
      if (!typing && input()) {
        e.preventDefault();
        swallow = "/";
        input().focus();
        input().select();
      }
      return;
    }
    if (!t || t.id !== INPUT) {
      return;
    }
    var opts = options();
    var k = selected();
    if (e.key === "ArrowDown" && opts.length) {
      e.preventDefault();
      select(k + 1 < opts.length ? k + 1 : 0);
    } else if (e.key === "ArrowUp" && opts.length) {
      e.preventDefault();
      select(k > 0 ? k - 1 : opts.length - 1);
    } else if (e.key === "Enter" && k >= 0) {
      e.preventDefault();
      swallow = "Enter";
      open(opts[k]);
    } else if (e.key === "Escape") {
      if (opts.length) {
        e.preventDefault();
      }
      close();
    }
  });

  // open goes to an option's page. Options are not links: the box keeps
  // the focus (aria-activedescendant), as the combobox pattern asks.
  function open(option) {
    var href = option && option.getAttribute("data-href");
    if (href) {
      window.location.assign(href);
    }
  }

  // Clicking an option opens it; clicking elsewhere closes the list.
  document.addEventListener("mousedown", function (e) {
    var o = e.target.closest && e.target.closest("#" + LIST + " [role=option]");
    if (o) {
      // Keep the focus in the box so the list is not closed first.
      e.preventDefault();
    }
  });
  document.addEventListener("click", function (e) {
    var o = e.target.closest && e.target.closest("#" + LIST + " [role=option]");
    if (o) {
      open(o);
      return;
    }
    if (!e.target.closest || !e.target.closest(".site-search")) {
      close();
    }
  });
  document.addEventListener("focusout", function (e) {
    if (e.target && e.target.id === INPUT) {
      setTimeout(function () {
        var a = document.activeElement;
        if (!a || !a.closest || !a.closest(".site-search")) {
          close();
        }
      }, 100);
    }
  });
})();
