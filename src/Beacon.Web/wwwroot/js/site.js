// Beacon's site-wide script. Pages work without it; it adds the quick exit's Shift x3 shortcut,
// replaces the page on exit so Back does not return to it (forgetting what Beacon kept in the
// browser), and focuses the error summary and a form's result.
(function () {
  'use strict';

  var button = document.getElementById('quick-exit');
  var indicator = document.getElementById('exit-indicator');
  var presses = 0;
  var resetTimer = null;
  var PRESSES_TO_EXIT = 3;
  var WINDOW_MS = 5000;

  function exitPage() {
    if (!button) { return; }
    var url = button.getAttribute('data-exit-url') || button.href;
    document.documentElement.classList.add('exiting');
    document.title = '';
    // Anything Beacon kept in this browser (a visitor's training progress) would show what they were reading about.
    try {
      Object.keys(window.localStorage).filter(function (k) { return k.indexOf('beacon.') === 0; })
        .forEach(function (k) { window.localStorage.removeItem(k); });
    } catch (e) { /* storage off */ }
    // replace(), not assign(): this page leaves the history, so Back does not come back to it.
    window.location.replace(url);
  }

  if (button) {
    button.addEventListener('click', function (event) {
      event.preventDefault();
      exitPage();
    });
  }

  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Shift' || event.repeat) {
      return;
    }
    presses += 1;
    window.clearTimeout(resetTimer);
    if (presses >= PRESSES_TO_EXIT) {
      presses = 0;
      exitPage();
      return;
    }
    if (indicator) {
      indicator.hidden = false;
      var left = PRESSES_TO_EXIT - presses;
      indicator.textContent = (indicator.getAttribute(left === 1 ? 'data-one' : 'data-many') || '')
        .replace('{0}', String(left));
    }
    resetTimer = window.setTimeout(function () {
      presses = 0;
      if (indicator) { indicator.hidden = true; indicator.textContent = ''; }
    }, WINDOW_MS);
  });

  // Other keys break the sequence, as in the GOV.UK pattern.
  document.addEventListener('keyup', function (event) {
    if (event.key !== 'Shift' && presses > 0) {
      presses = 0;
    }
  });

  // A page restored from the back/forward cache after an exit must not show its content.
  window.addEventListener('pageshow', function (event) {
    if (event.persisted && document.documentElement.classList.contains('exiting')) {
      exitPage();
    }
  });

  // The printable sheet's button; without JavaScript the page says to use the browser's Print command.
  var printButtons = document.querySelectorAll('[data-print]');
  Array.prototype.forEach.call(printButtons, function (b) {
    b.hidden = false;
    b.addEventListener('click', function () { window.print(); });
  });

  // The quick check and staff screens: with JavaScript, the level updates as answers change (the
  // form still posts without it). Staff screens name their instrument version and their endpoint.
  var screenForm = document.querySelector('form[data-live-screen]');
  var liveLevel = document.getElementById('live-level');
  if (screenForm && liveLevel && window.fetch) {
    // Arrow keys move through a radio group faster than the answers come back, and answers can come
    // back out of order: only the answer to the latest change is shown, never an older one over it.
    var latest = 0;
    screenForm.addEventListener('change', function (event) {
      if (event.target.type !== 'radio') { return; }
      var request = ++latest;
      var answers = {};
      Array.prototype.forEach.call(screenForm.querySelectorAll('input[type=radio]:checked'), function (input) {
        var id = input.name.replace(/^a\./, '');
        answers[id] = input.value === 'u' ? null : Number(input.value);
      });
      var version = screenForm.getAttribute('data-live-version');
      window.fetch(screenForm.getAttribute('data-live-endpoint') || '/api/public/screen', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ instrument: screenForm.getAttribute('data-live-screen'), version: version ? Number(version) : null, answers: answers })
      }).then(function (response) { return response.ok ? response.json() : null; })
        .then(function (result) {
          if (!result || request !== latest) { return; }
          liveLevel.hidden = false;
          liveLevel.textContent = (liveLevel.getAttribute('data-template') || '{0}').replace('{0}', result.summary);
          liveLevel.className = 'live-level level-' + result.level;
        })
        .catch(function () { /* the form still works by posting */ });
    });
  }

  var summary = document.getElementById('error-summary');
  if (summary) {
    summary.focus();
    // A link to a field focuses it and brings its question into view with it (the GOV.UK pattern):
    // a fieldset's legend, or the field's label, rather than the input alone at the window's edge.
    summary.addEventListener('click', function (event) {
      var link = event.target.closest('a[href^="#"]');
      var field = link && document.getElementById(link.getAttribute('href').slice(1));
      if (!field) { return; }
      var fieldset = field.closest('fieldset');
      var label = document.querySelector('label[for="' + field.id + '"]');
      var shown = (fieldset && fieldset.querySelector('legend')) || label || field;
      // After the browser has followed the link (the address keeps its #field).
      window.setTimeout(function () {
        shown.scrollIntoView();
        field.focus({ preventScroll: true });
      }, 0);
    });
  }

  // A marked form's result (a quiz) takes the focus, so a screen reader starts there.
  var result = document.querySelector('[data-focus-result]');
  if (result && !summary) {
    result.focus();
  }
})();
