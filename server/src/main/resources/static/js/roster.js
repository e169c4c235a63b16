// Roster pages: ask before submitting a form that carries data-confirm (CSP forbids inline handlers).
document.addEventListener("submit", function (evt) {
  var form = evt.target;
  if (form && form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    evt.preventDefault();
  }
});
