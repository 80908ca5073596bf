/* The national dashboard's filters: choosing a round, type or region shows it at once.
 *
 * The filter form works without JavaScript (a "Tonen" button submits it); with
 * JavaScript a change of any select submits the form, and the button is hidden.
 * No inline script: this file is loaded with `defer` (CSP without inline script).
 */
(function () {
  "use strict";

  function enhance(form) {
    form.querySelectorAll("select").forEach(function (select) {
      select.addEventListener("change", function () {
        form.querySelectorAll("select").forEach(function (other) {
          other.setAttribute("aria-busy", "true");
        });
        form.submit();
      });
    });
    var button = form.querySelector("button[type=submit]");
    if (button) {
      button.classList.add("visually-hidden-focusable");
    }
  }

  function init() {
    document.querySelectorAll("form[data-autosubmit]").forEach(enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
