// Menus: the header's <details> menus (account, sections, a community's
// Manage) open and close without JavaScript. This adds what people expect
// of a menu: Escape closes it and returns to its button, a click or focus
// elsewhere closes it, and opening one closes the others.
(function () {
  "use strict";

  function openMenus() {
    return Array.prototype.slice.call(document.querySelectorAll("details.menu[open]"));
  }

  function close(menu, focus) {
    menu.open = false;
    if (focus) {
      var summary = menu.querySelector("summary");
      if (summary) {
        summary.focus();
      }
    }
  }

  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape") {
      return;
    }
    openMenus().forEach(function (m) {
      close(m, m.contains(document.activeElement));
    });
  });

  function outside(e) {
    openMenus().forEach(function (m) {
      if (!m.contains(e.target)) {
        close(m, false);
      }
    });
  }
  document.addEventListener("click", outside);
  document.addEventListener("focusin", outside);

  document.addEventListener("toggle", function (e) {
    var t = e.target;
    if (!(t instanceof HTMLDetailsElement) || !t.classList.contains("menu") || !t.open) {
      return;
    }
    openMenus().forEach(function (m) {
      if (m !== t) {
        close(m, false);
      }
    });
  }, true);
})();
