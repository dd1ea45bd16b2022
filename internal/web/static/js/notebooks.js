// Note picker of a notebook's "add a note" form: htmx fills the list under
// the field with notes whose title matches what is typed; choosing one
// (click, or Enter on a focused suggestion) puts its title in the field
// and its ID in the hidden note_pick input. Arrow keys move between the
// field and the suggestions, Escape closes them. Without JavaScript the
// field is plain text: the server finds the note by title or address.
(function () {
  "use strict";

  function pickFor(input) {
    return document.getElementById(input.getAttribute("data-note-picker"));
  }

  function listFor(input) {
    return document.getElementById(input.getAttribute("aria-controls"));
  }

  function buttons(list) {
    return list ? Array.prototype.slice.call(list.querySelectorAll("button[data-note-id]")) : [];
  }

  function clear(list) {
    if (list) {
      list.replaceChildren();
    }
  }

  function choose(button) {
    var input = document.getElementById(button.getAttribute("data-for"));
    if (!input) {
      return;
    }
    input.value = button.getAttribute("data-note-title");
    var pick = pickFor(input);
    if (pick) {
      pick.value = button.getAttribute("data-note-id");
    }
    clear(listFor(input));
    input.focus();
  }

  document.addEventListener("click", function (e) {
    var b = e.target.closest(".autocomplete button[data-note-id]");
    if (b) {
      e.preventDefault();
      choose(b);
    }
  });

  // Typing again forgets an earlier choice: the text decides.
  document.addEventListener("input", function (e) {
    var t = e.target;
    if (t.matches && t.matches("input[data-note-picker]")) {
      var pick = pickFor(t);
      if (pick) {
        pick.value = "";
      }
    }
  });

  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (t.matches && t.matches("input[data-note-picker]")) {
      var list = listFor(t);
      if (e.key === "ArrowDown" && buttons(list).length) {
        e.preventDefault();
        buttons(list)[0].focus();
      } else if (e.key === "Escape") {
        clear(list);
      }
      return;
    }
    var b = t.closest && t.closest(".autocomplete button[data-note-id]");
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
