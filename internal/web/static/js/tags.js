// Tag fields: completes the term being typed in a comma-separated tag
// field with a suggestion from the list that htmx fills in under it.
// Without JavaScript the field is a plain text input and still works.
(function () {
  "use strict";

  function listFor(input) {
    return document.getElementById(input.getAttribute("data-suggest"));
  }

  function buttons(list) {
    return list ? Array.prototype.slice.call(list.querySelectorAll("button[data-tag]")) : [];
  }

  function clear(list) {
    if (list) {
      list.replaceChildren();
    }
  }

  // choose replaces the last term of the field with the chosen label.
  function choose(button) {
    var input = document.getElementById(button.getAttribute("data-for"));
    if (!input) {
      return;
    }
    var parts = input.value.split(/[,;]/);
    parts.pop();
    parts = parts.map(function (p) { return p.trim(); }).filter(function (p) { return p !== ""; });
    parts.push(button.getAttribute("data-tag"));
    input.value = parts.join(", ") + ", ";
    clear(listFor(input));
    input.focus();
  }

  // A suggestion list answers the value that was sent. When the field has
  // changed since (a suggestion was chosen, or more was typed), a late
  // answer would reopen a list for a term that is no longer there: it is
  // dropped. Slow networks and quick typists both meet this.
  document.addEventListener("htmx:beforeRequest", function (e) {
    var elt = e.detail.elt;
    if (elt && elt.matches && elt.matches("input[data-suggest]") && e.detail.xhr) {
      e.detail.xhr.maillageSent = elt.value;
    }
  });
  document.addEventListener("htmx:beforeSwap", function (e) {
    var elt = e.detail.elt;
    var xhr = e.detail.xhr;
    if (elt && elt.matches && elt.matches("input[data-suggest]") && xhr &&
        typeof xhr.maillageSent === "string" && xhr.maillageSent !== elt.value) {
      e.detail.shouldSwap = false;
    }
  });

  document.addEventListener("click", function (e) {
    var b = e.target.closest(".autocomplete button[data-tag]");
    if (b) {
      e.preventDefault();
      choose(b);
    }
  });

  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (t.matches && t.matches("input[data-suggest]")) {
      var list = listFor(t);
      if (e.key === "ArrowDown" && buttons(list).length) {
        e.preventDefault();
        buttons(list)[0].focus();
      } else if (e.key === "Escape") {
        clear(list);
      }
      return;
    }
    var b = t.closest && t.closest(".autocomplete button[data-tag]");
    if (!b) {
      return;
    }
    var all = buttons(b.closest(".autocomplete"));
    var i = all.indexOf(b);
    var input = document.getElementById(b.getAttribute("data-for"));
    if (e.key === "ArrowDown") {
      e.preventDefault();
      if (i < all.length - 1) {
        all[i + 1].focus();
      }
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      if (i > 0) {
        all[i - 1].focus();
      } else if (input) {
        input.focus();
      }
    } else if (e.key === "Escape") {
      e.preventDefault();
      clear(b.closest(".autocomplete"));
      if (input) {
        input.focus();
      }
    }
  });
})();
