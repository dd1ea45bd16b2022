// Conversations: the reply form is sent with htmx and the conversation is
// replaced in place by the page the server answers with. A refused reply
// (empty, too long, blocked) comes back as 422 or 403 with the form and
// its errors, which htmx would otherwise not show. Without JavaScript the
// form posts and the browser follows the redirect as usual.
(function () {
  "use strict";

  document.addEventListener("htmx:beforeSwap", function (e) {
    var d = e.detail;
    if (!d.target || d.target.id !== "conversation") {
      return;
    }
    if (d.xhr.status === 422 || d.xhr.status === 403) {
      d.shouldSwap = true;
      d.isError = false;
    }
  });

  // After a swap, the newest message is in view and the focus goes where
  // the reader expects it: the error summary, or the emptied reply box.
  document.addEventListener("htmx:afterSettle", function (e) {
    if (!e.detail.target || e.detail.target.id !== "conversation") {
      return;
    }
    var errors = document.getElementById("form-errors");
    if (errors) {
      errors.focus();
      return;
    }
    var box = document.getElementById("f-message-body");
    if (box) {
      box.focus();
    }
  });
})();
