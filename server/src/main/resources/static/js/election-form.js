// New election form: the labels and the second-stage fields (委员会, 书记, 副书记) follow the chosen kind
// (data attributes of the kind's option, from its configuration). Without a second stage the
// committee box is cleared so that the election is not planned with one.
(function () {
  var kind = document.getElementById("kind");
  if (!kind) {
    return;
  }
  function apply() {
    var o = kind.options[kind.selectedIndex];
    if (!o) {
      return;
    }
    var day = document.getElementById("electionDay-label");
    var seats = document.getElementById("seats-label");
    if (day && o.dataset.dayLabel) {
      day.textContent = o.dataset.dayLabel;
    }
    if (seats && o.dataset.seatsLabel) {
      seats.textContent = o.dataset.seatsLabel;
    }
    var second = o.dataset.secondStage === "true";
    document.querySelectorAll(".second-stage").forEach(function (el) {
      el.hidden = !second;
    });
    var box = document.getElementById("hasCommittee");
    if (box && !second) {
      box.checked = false;
    }
  }
  kind.addEventListener("change", apply);
  apply();
})();
