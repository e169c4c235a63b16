// Roster pages: ask before submitting a form that carries data-confirm (CSP forbids inline handlers).
document.addEventListener("submit", function (evt) {
  var form = evt.target;
  var button = evt.submitter;
  var question =
    (button && button.dataset && button.dataset.confirm) ||
    (form && form.dataset && form.dataset.confirm);
  if (question && !window.confirm(question)) {
    evt.preventDefault();
  }
});
