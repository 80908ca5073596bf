/* A background batch's page (factsheets, invitations, reminders) follows its progress.
 *
 * The part of the page that changes is a polite live region, [data-batch-progress]: while
 * the batch is unfinished this fetches the page again every few seconds and puts the new
 * region in place of the old, so a screen reader hears the change and nothing else on the
 * page moves (no meta refresh, which reloads the whole page under the reader). It stops
 * when the batch is finished, when the page is hidden (and goes on when shown again) and
 * after an hour. Without JavaScript the region has a link to load the page again.
 * No inline script: this file is loaded with `defer` (CSP without inline script).
 */
(function () {
  "use strict";

  var INTERVAL = 3000;
  var GIVE_UP_AFTER = 60 * 60 * 1000;

  function hideReloadLinks(region) {
    region.querySelectorAll("[data-reload-link]").forEach(function (link) {
      link.hidden = true;
    });
  }

  function follow(region) {
    var started = Date.now();
    var timer = null;

    function finished(element) {
      return element.getAttribute("data-finished") === "true";
    }

    function schedule() {
      if (!document.hidden && !finished(region) && Date.now() - started < GIVE_UP_AFTER) {
        timer = window.setTimeout(poll, INTERVAL);
      }
    }

    function poll() {
      timer = null;
      fetch(window.location.href, { credentials: "same-origin", headers: { Accept: "text/html" } })
        .then(function (response) {
          return response.ok ? response.text() : Promise.reject(response.status);
        })
        .then(function (html) {
          var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("[data-batch-progress]");
          if (fresh) {
            region.innerHTML = fresh.innerHTML;
            region.setAttribute("data-finished", fresh.getAttribute("data-finished"));
            hideReloadLinks(region);
          }
        })
        .catch(function () { /* a failed poll is tried again at the next interval */ })
        .then(schedule);
    }

    document.addEventListener("visibilitychange", function () {
      if (!document.hidden && timer === null) {
        schedule();
      }
    });
    hideReloadLinks(region);
    schedule();
  }

  function init() {
    document.querySelectorAll("[data-batch-progress]").forEach(follow);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
