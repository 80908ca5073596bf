/* Priorities: choosing a rank that another block holds swaps the two, so every rank stays used once.
 *
 * Only the choice a person ends on counts. With the keyboard a closed <select> fires "change"
 * at every arrow step, so stepping from place 3 to 6 passes places 4 and 5: each step first
 * puts back the block the previous step of the same choice moved aside, then moves aside the
 * block on the new place, which gets the place this select had when the choice began (its
 * "origin", taken when it gets focus). Arrowing through taken places therefore moves nobody
 * but the block whose place is finally taken. A change without focus (a script) is a choice
 * of one step.
 */
(function () {
  "use strict";

  var selects = Array.prototype.slice.call(document.querySelectorAll("[data-rank-select]"));
  var movedAside = null; // {by, select, value}: the block the choice in progress moved aside

  function settle(select) {
    select.dataset.origin = select.value;
    if (movedAside && movedAside.by === select) {
      movedAside = null;
    }
  }

  selects.forEach(function (select) {
    settle(select);
    select.addEventListener("focus", function () { settle(select); });
    select.addEventListener("blur", function () { settle(select); });
    select.addEventListener("change", function () {
      if (movedAside && movedAside.by === select) {
        movedAside.select.value = movedAside.value;
        movedAside.select.dataset.origin = movedAside.value;
        movedAside = null;
      }
      if (select.value) {
        selects.forEach(function (other) {
          if (other !== select && other.value === select.value) {
            movedAside = { by: select, select: other, value: other.value };
            other.value = select.dataset.origin || "";
            other.dataset.origin = other.value;
          }
        });
      }
      if (document.activeElement !== select) {
        settle(select);
      }
    });
  });
})();
