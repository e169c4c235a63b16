// Sends the CSRF token with every htmx request (the server rejects state changes without it).
document.addEventListener("htmx:configRequest", function (evt) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    evt.detail.headers[header.content] = token.content;
  }
});
// A form refused for its input (too long, control characters) is shown again with what was typed:
// the server sends it back in <meta name="kept-input"> (web.PageErrors); passwords are never sent.
document.addEventListener("DOMContentLoaded", function () {
  var meta = document.querySelector('meta[name="kept-input"]');
  if (!meta) {
    return;
  }
  var kept;
  try {
    kept = JSON.parse(meta.content);
  } catch (e) {
    return;
  }
  document.querySelectorAll("form").forEach(function (form) {
    var action = new URL(form.getAttribute("action") || window.location.href, window.location.href);
    if (action.pathname !== kept.action) {
      return;
    }
    Object.keys(kept.values).forEach(function (name) {
      var field = form.elements.namedItem(name);
      if (!field || field instanceof RadioNodeList) {
        return;
      }
      if (field.type === "password" || field.type === "hidden" || field.type === "file") {
        return;
      }
      if (field.type === "checkbox") {
        field.checked = kept.values[name] === field.value || kept.values[name] === "true";
      } else {
        field.value = kept.values[name];
      }
    });
  });
});
