/* Priorities: choosing a rank that another block holds swaps the two, so every rank stays used once. */
(function () {
  "use strict";
  var selects = Array.prototype.slice.call(document.querySelectorAll("[data-rank-select]"));
  selects.forEach(function (select) {
    select.dataset.previous = select.value;
    select.addEventListener("focus", function () { select.dataset.previous = select.value; });
    select.addEventListener("change", function () {
      var previous = select.dataset.previous || "";
      if (select.value) {
        selects.forEach(function (other) {
          if (other !== select && other.value === select.value) {
            other.value = previous;
            other.dataset.previous = previous;
          }
        });
      }
      select.dataset.previous = select.value;
    });
  });
})();
