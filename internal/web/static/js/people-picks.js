// People directory: the people ticked on any page or under any filter
// stay picked (kept in this tab's session storage) and gather in a tray
// at the bottom of the page, whose form sends them all to the
// new-message page (one conversation each, or a group). Without
// JavaScript the page's own form sends the people ticked on this page.
(function () {
  "use strict";

  var KEY = "maillage.people.picks";
  var MAX = 50;

  function load() {
    try {
      var v = JSON.parse(window.sessionStorage.getItem(KEY) || "[]");
      return Array.isArray(v) ? v : [];
    } catch (e) {
      return [];
    }
  }

  function save(picks) {
    try {
      window.sessionStorage.setItem(KEY, JSON.stringify(picks));
    } catch (e) {
      // Storage refused (private mode): the picks last for this page.
    }
  }

  function start() {
    var tray = document.getElementById("pick-tray");
    if (!tray) {
      return;
    }
    var list = tray.querySelector("[data-pick-list]");
    var count = tray.querySelector("[data-pick-count]");
    var form = tray.querySelector("[data-pick-form]");
    var boxes = Array.prototype.slice.call(document.querySelectorAll("input[type=checkbox][data-pick-name]"));
    var picks = load();

    function has(id) {
      return picks.some(function (p) { return p.id === id; });
    }

    function render() {
      list.replaceChildren();
      form.querySelectorAll("input[name=to]").forEach(function (i) { i.remove(); });
      picks.forEach(function (p) {
        var li = document.createElement("li");
        li.appendChild(document.createTextNode(p.name + " "));
        var b = document.createElement("button");
        b.type = "button";
        b.textContent = "×";
        b.setAttribute("aria-label", list.getAttribute("data-remove").replace("{name}", p.name));
        b.addEventListener("click", function () {
          picks = picks.filter(function (x) { return x.id !== p.id; });
          changed();
        });
        li.appendChild(b);
        list.appendChild(li);
        var hidden = document.createElement("input");
        hidden.type = "hidden";
        hidden.name = "to";
        hidden.value = p.id;
        form.appendChild(hidden);
      });
      var n = picks.length;
      count.textContent = (n === 1 ? count.getAttribute("data-one") : count.getAttribute("data-other")).replace("{count}", String(n));
      tray.hidden = n === 0;
      boxes.forEach(function (box) { box.checked = has(box.value); });
    }

    function changed() {
      save(picks);
      render();
    }

    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        if (box.checked && !has(box.value) && picks.length < MAX) {
          picks.push({ id: box.value, name: box.getAttribute("data-pick-name") });
        } else if (!box.checked) {
          picks = picks.filter(function (p) { return p.id !== box.value; });
        }
        changed();
      });
    });
    tray.querySelector("[data-pick-clear]").addEventListener("click", function () {
      picks = [];
      changed();
    });
    form.addEventListener("submit", function () {
      // The new-message page now holds them; the next search starts afresh.
      save([]);
    });
    // The tray's form replaces the page's own.
    document.querySelectorAll("[data-pick-fallback]").forEach(function (f) { f.hidden = true; });
    render();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
