/* The fill-in pages: autosave shortly after a change, a warning before leaving with unsaved changes,
 * and typed answers kept in sessionStorage so a session timeout loses nothing.
 * Works on top of a normal form: without this script the page saves with its buttons. */
(function () {
  "use strict";

  var form = document.querySelector("form.scan-form");
  if (!form) { return; }

  var DELAY_MS = 1200;
  var RETRY_MS = 15000;
  var DRAFT_MAX_AGE_MS = 24 * 60 * 60 * 1000;
  var NOT_RESTORED = ["csrfmiddlewaretoken", "action"];

  var autosaveUrl = form.dataset.autosaveUrl || "";
  var draftKey = "jump-draft:" + (form.dataset.draftKey || location.pathname);
  var statusEl = form.querySelector("[data-save-status]");
  var signedOutEl = form.querySelector("[data-signed-out]");
  var errorEl = form.querySelector("[data-autosave-error]");
  var timer = null;
  var inFlight = false;
  var dirty = false;
  var changedSinceSend = false;
  var leaving = false;

  function message(name) { return statusEl ? statusEl.getAttribute("data-msg-" + name) || "" : ""; }

  function setStatus(text, kind) {
    if (!statusEl) { return; }
    statusEl.textContent = text;
    statusEl.classList.toggle("is-saved", kind === "saved");
    statusEl.classList.toggle("is-error", kind === "error");
  }

  function showError(text) {
    if (!errorEl) { return; }
    errorEl.hidden = !text;
    errorEl.textContent = text || "";
  }

  /* --- Drafts in sessionStorage ------------------------------------------------------------ */

  function fields() {
    var pairs = [];
    new FormData(form).forEach(function (value, name) {
      if (NOT_RESTORED.indexOf(name) === -1) { pairs.push([name, String(value)]); }
    });
    return pairs;
  }

  function answersOnly(pairs) {
    return JSON.stringify(pairs.filter(function (pair) {
      return pair[0] !== "version" && pair[0] !== "originals";
    }));
  }

  function keepDraft() {
    try {
      sessionStorage.setItem(draftKey, JSON.stringify({ at: Date.now(), fields: fields() }));
    } catch (e) { /* storage full or disabled: the autosave still runs */ }
  }

  function dropDraft() {
    try { sessionStorage.removeItem(draftKey); } catch (e) { /* ignore */ }
  }

  function readDraft() {
    try {
      var draft = JSON.parse(sessionStorage.getItem(draftKey) || "null");
      if (draft && Date.now() - draft.at < DRAFT_MAX_AGE_MS) { return draft; }
    } catch (e) { /* unreadable: forget it */ }
    dropDraft();
    return null;
  }

  function applyDraft(pairs) {
    var values = {};
    pairs.forEach(function (pair) { (values[pair[0]] = values[pair[0]] || []).push(pair[1]); });
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || NOT_RESTORED.indexOf(el.name) !== -1 || el.disabled) { return; }
      var wanted = values[el.name];
      if (el.type === "checkbox") {
        el.checked = !!wanted && wanted.indexOf(el.value) !== -1;
      } else if (el.type === "radio") {
        if (wanted) { el.checked = wanted.indexOf(el.value) !== -1; }
      } else if (wanted && el.tagName !== "BUTTON") {
        el.value = wanted[0];
      }
    });
  }

  /* --- Saving --------------------------------------------------------------------------------- */

  function schedule(delay) {
    if (!autosaveUrl) { return; }
    window.clearTimeout(timer);
    timer = window.setTimeout(save, delay === undefined ? DELAY_MS : delay);
  }

  function signedOut(text) {
    window.clearTimeout(timer);
    keepDraft();
    if (signedOutEl) {
      var span = signedOutEl.querySelector("[data-signed-out-message]");
      if (span && text) { span.textContent = text; }
      signedOutEl.hidden = false;
    }
    setStatus(message("unsaved"), "error");
  }

  // The list of pages beside the form (and folded away on a phone) with the progress after the save.
  function showProgress(data) {
    if (data.nav_html) {
      document.querySelectorAll(".scan-nav-list").forEach(function (list) {
        var fresh = new DOMParser().parseFromString(data.nav_html, "text/html").querySelector(".scan-nav-list");
        if (fresh) { list.replaceWith(fresh); }
      });
    }
    if (data.progress_text) {
      document.querySelectorAll("[data-progress-text]").forEach(function (el) { el.textContent = data.progress_text; });
    }
    if (data.progress_summary) {
      document.querySelectorAll("[data-progress-summary]").forEach(function (el) { el.textContent = data.progress_summary; });
    }
  }

  function handle(response, data) {
    if (response.ok) {
      showError("");
      if (data.stale) {
        // A colleague's newer answer was kept (or conflicts with ours): show the page as it is stored now.
        if (changedSinceSend) { schedule(0); return; }
        dirty = false;
        dropDraft();
        leaving = true;
        window.location.assign(data.page_url);
        return;
      }
      form.elements.version.value = data.version;
      form.elements.originals.value = JSON.stringify(data.originals);
      if (!changedSinceSend) { dirty = false; dropDraft(); }
      setStatus(data.message, "saved");
      showProgress(data);
      return;
    }
    if (response.status === 401 || (response.status === 403 && !data.error)) {
      // Signed out, or the page's security token no longer matches a new sign-in.
      signedOut(data.message || message("session"));
      return;
    }
    if (response.status === 400 && data.errors) {
      var lines = [data.message];
      Object.keys(data.errors).forEach(function (name) {
        var el = form.elements[name];
        var label = "";
        if (el && el.length === undefined && el.labels && el.labels.length) { label = el.labels[0].textContent.trim() + ": "; }
        data.errors[name].forEach(function (text) { lines.push(label + text); });
      });
      setStatus(message("unsaved"), "error");
      showError(lines.join(" "));
      return;
    }
    if (response.status === 503) { schedule(RETRY_MS); }  // the database was briefly away: try again by itself
    setStatus(message("unsaved"), "error");
    showError(data.message || message("failed"));
  }

  function save() {
    if (!autosaveUrl || !dirty) { return; }
    if (inFlight) { schedule(); return; }
    inFlight = true;
    changedSinceSend = false;
    setStatus(message("saving"), "");
    fetch(autosaveUrl, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { "Accept": "application/json", "X-Requested-With": "fetch" }
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        inFlight = false;
        handle(response, data);
      });
    }).catch(function () {
      inFlight = false;
      setStatus(message("offline"), "error");
      schedule(RETRY_MS);
    });
  }

  function changed() {
    dirty = true;
    changedSinceSend = true;
    keepDraft();
    setStatus(message("unsaved"), "");
    schedule();
  }

  /* --- The good example appears when the block's mean is 3 or more ---------------------------- */

  var threshold = parseFloat(form.dataset.goodExampleThreshold || "");
  var goodExample = form.querySelector("[data-good-example]");
  var goodExampleNote = form.querySelector("[data-good-example-note]");

  function updateGoodExample() {
    if (!goodExample || isNaN(threshold)) { return; }
    var levels = Array.prototype.map.call(
      form.querySelectorAll("[data-level-group] input[type=radio]:checked"),
      function (input) { return parseInt(input.value, 10); }
    );
    var mean = levels.length ? levels.reduce(function (a, b) { return a + b; }, 0) / levels.length : 0;
    var applies = levels.length > 0 && mean >= threshold;
    var textarea = goodExample.querySelector("textarea");
    goodExample.hidden = !applies;
    if (goodExampleNote) { goodExampleNote.hidden = applies; }
    // A hidden field is not sent: the server keeps no good example for a block below the threshold.
    if (textarea && !form.querySelector(".scan-fields[disabled]")) { textarea.disabled = !applies; }
  }

  /* --- Wiring --------------------------------------------------------------------------------- */

  form.addEventListener("change", function (event) {
    if (event.target.name === "version" || event.target.name === "originals") { return; }
    updateGoodExample();
    changed();
  });
  form.addEventListener("input", function (event) {
    if (event.target.tagName === "TEXTAREA" || event.target.type === "text") { changed(); }
  });
  form.addEventListener("submit", function () {
    // Kept until the next page shows the same answers: if this post meets an expired session, nothing is lost.
    keepDraft();
    leaving = true;
  });
  if (signedOutEl) {
    var loginLink = signedOutEl.querySelector("[data-login-link]");
    if (loginLink) { loginLink.addEventListener("click", function () { keepDraft(); leaving = true; }); }
  }
  window.addEventListener("beforeunload", function (event) {
    if (dirty && !leaving) {
      keepDraft();
      event.preventDefault();
      event.returnValue = "";
    }
  });

  // After a refused save the list of errors at the top takes the focus, so it is read out first.
  var errorSummary = document.getElementById("error-summary");
  if (errorSummary) { errorSummary.focus(); }

  var draft = readDraft();
  if (draft) {
    if (answersOnly(draft.fields) === answersOnly(fields())) {
      dropDraft();  // the page already shows these answers as saved
    } else if (autosaveUrl) {
      applyDraft(draft.fields);
      dirty = true;
      setStatus(message("restored"), "");
      schedule(0);
    } else {
      dropDraft();  // the page is read-only now: nothing can be restored into it
    }
  }
  updateGoodExample();
})();
