// A visitor's training progress, kept in this browser only and only when they ask for it (localStorage,
// key "beacon.training": the lessons read and the quizzes passed, with no dates). Beacon's server stores
// nothing about a visitor. The pages work without this script; it only remembers. On a shared or watched
// device remembering is itself a risk, so it is off until the visitor turns it on; the quick exit (site.js)
// forgets it.
(function () {
  'use strict';

  var KEY = 'beacon.training';

  function load() {
    try {
      var raw = window.localStorage.getItem(KEY);
      return raw === null ? null : (JSON.parse(raw) || {});
    } catch (e) { return null; }
  }

  function save(progress) {
    try { window.localStorage.setItem(KEY, JSON.stringify(progress)); } catch (e) { /* storage off: nothing kept */ }
  }

  function course(progress, slug) {
    if (!progress[slug]) { progress[slug] = { read: [] }; }
    return progress[slug];
  }

  var progress = load(); // null: not remembering

  var lesson = document.querySelector('article[data-keep][data-course][data-lesson]');
  if (lesson && progress) {
    var c = course(progress, lesson.getAttribute('data-course'));
    if (c.read.indexOf(lesson.getAttribute('data-lesson')) < 0) { c.read.push(lesson.getAttribute('data-lesson')); }
    save(progress);
  }

  var result = document.querySelector('[data-keep][data-course][data-passed="true"]');
  if (result && progress) {
    var passed = course(progress, result.getAttribute('data-course'));
    passed.passed = true;
    passed.score = result.getAttribute('data-score');
    save(progress);
  }

  var words = document.getElementById('browser-progress');
  if (!words) { return; }
  var remember = document.getElementById('remember-progress');
  var forget = document.getElementById('forget-progress');
  var status = document.getElementById('progress-status');

  function fill(text, values) {
    return text.replace(/\{(\d)\}/g, function (_, i) { return values[Number(i)]; });
  }

  function show() {
    words.hidden = false;
    remember.hidden = progress !== null;
    forget.hidden = progress === null;
    var all = progress || {};
    document.querySelectorAll('[data-progress-for]').forEach(function (el) {
      var c = all[el.getAttribute('data-progress-for')];
      var lessons = Number(el.getAttribute('data-lesson-count') || document.querySelectorAll('.lesson-list [data-lesson]').length);
      var parts = [];
      if (c && c.read.length) { parts.push(fill(words.getAttribute('data-lessons'), [Math.min(c.read.length, lessons), lessons])); }
      if (c && c.passed) { parts.push(fill(words.getAttribute('data-passed'), [c.score])); }
      el.textContent = parts.join(' · ');
      el.hidden = parts.length === 0;
    });
    var list = document.querySelector('.lesson-list[data-course]');
    if (list) {
      var read = (all[list.getAttribute('data-course')] || { read: [] }).read;
      list.querySelectorAll('[data-lesson]').forEach(function (item) {
        var mark = item.querySelector('.read-mark');
        var isRead = read.indexOf(item.getAttribute('data-lesson')) >= 0;
        if (isRead && !mark) {
          mark = document.createElement('span');
          mark.className = 'read-mark';
          mark.textContent = ' (' + words.getAttribute('data-read') + ')';
          item.querySelector('a').after(mark);
        } else if (!isRead && mark) {
          mark.remove();
        }
      });
    }
  }

  show();
  remember.addEventListener('click', function () {
    progress = {};
    save(progress);
    show();
    status.textContent = status.getAttribute('data-remembering');
    forget.focus();
  });
  forget.addEventListener('click', function () {
    try { window.localStorage.removeItem(KEY); } catch (e) { /* nothing kept */ }
    progress = null;
    show();
    status.textContent = status.getAttribute('data-done');
    remember.focus();
  });
}());
