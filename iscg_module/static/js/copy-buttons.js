// "Copy" buttons: copy the value of the field named by data-copy-from, and say so.
(function () {
  "use strict";
  document.querySelectorAll("button[data-copy-from]").forEach(function (button) {
    var field = document.getElementById(button.dataset.copyFrom);
    var status = document.getElementById(button.dataset.copyStatus);
    if (!field || !navigator.clipboard) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(field.value).then(function () {
        if (status) {
          status.textContent = "Copied to the clipboard.";
        }
      }, function () {
        field.select();
        if (status) {
          status.textContent = "Select the address and copy it.";
        }
      });
    });
  });
})();
