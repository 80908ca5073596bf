/* The national dashboard's filters: choosing a round, type or region shows it at once.
 *
 * The filter form works without JavaScript (a "Tonen" button submits it); with
 * JavaScript a choice in any select submits the form, and the button is hidden.
 * With the keyboard a closed <select> fires "change" at every arrow step, so a change
 * right after an arrow key waits until the person leaves the select or presses Enter:
 * stepping through the regions loads one page, not one per region.
 * No inline script: this file is loaded with `defer` (CSP without inline script).
 */
(function () {
  "use strict";

  var STEP_KEYS = ["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "PageUp", "PageDown", "Home", "End"];

  function enhance(form) {
    var submitted = false;

    function show() {
      if (submitted) {
        return;
      }
      submitted = true;
      form.querySelectorAll("select").forEach(function (other) {
        other.setAttribute("aria-busy", "true");
      });
      form.submit();
    }

    form.querySelectorAll("select").forEach(function (select) {
      var stepping = false;
      var pending = false;
      select.addEventListener("keydown", function (event) {
        if (STEP_KEYS.indexOf(event.key) !== -1) {
          stepping = true;
        } else if (event.key === "Enter" && pending) {
          event.preventDefault();
          show();
        }
      });
      select.addEventListener("change", function () {
        if (stepping) {
          stepping = false;
          pending = true;  // shown when the person leaves the select or presses Enter
          return;
        }
        show();
      });
      select.addEventListener("blur", function () {
        if (pending) {
          show();
        }
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
