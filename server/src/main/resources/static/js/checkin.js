// Keyboard check-in (键盘签到): the search field keeps the focus. Enter checks in the only match, or
// the one chosen with the arrow keys; after a check-in the field is emptied for the next person.
// Ctrl+Z (or Alt+Backspace) asks to undo the last check-in. Everything goes through the same htmx
// buttons a mouse would press, so the server sees the same requests.
(function () {
  var search = document.getElementById("checkin-search");
  if (!search) {
    return;
  }
  var chosen = -1;
  var clearAfter = false;
  search.focus();

  function buttons() {
    return Array.prototype.slice.call(document.querySelectorAll("#checkin-results .checkin-button"));
  }

  function mark() {
    buttons().forEach(function (b, i) {
      var row = b.closest("tr");
      if (row) {
        row.classList.toggle("table-primary", i === chosen);
      }
    });
  }

  search.addEventListener("keydown", function (evt) {
    var list = buttons();
    if (evt.key === "ArrowDown" || evt.key === "ArrowUp") {
      if (list.length === 0) {
        return;
      }
      evt.preventDefault();
      chosen = evt.key === "ArrowDown" ? Math.min(list.length - 1, chosen + 1) : Math.max(0, chosen - 1);
      mark();
    } else if (evt.key === "Enter") {
      evt.preventDefault();
      var target = list.length === 1 ? list[0] : chosen >= 0 && chosen < list.length ? list[chosen] : null;
      if (target) {
        clearAfter = true;
        target.click();
      }
    } else if ((evt.key === "z" || evt.key === "Z") && (evt.ctrlKey || evt.metaKey)) {
      var undo = document.getElementById("undo-last");
      if (undo) {
        evt.preventDefault();
        undo.click();
      }
    }
  });

  // a new search or a new panel: nothing chosen yet; the focus back in the search field
  search.addEventListener("input", function () {
    chosen = -1;
  });
  document.body.addEventListener("htmx:afterSwap", function (evt) {
    if (!evt.detail.target || evt.detail.target.id !== "checkin-panel") {
      return;
    }
    chosen = -1;
    if (clearAfter) {
      clearAfter = false;
      search.value = "";
    }
    mark();
    search.focus();
  });
})();
