// A visitor's training progress, kept in this browser only (localStorage, key "beacon.training"): the
// lessons read and the quizzes passed. Beacon's server stores nothing about a visitor. The pages work
// without this script; it only remembers. The quick exit (site.js) forgets it too.
(function () {
  'use strict';

  var KEY = 'beacon.training';

  function load() {
    try { return JSON.parse(window.localStorage.getItem(KEY) || '{}') || {}; } catch (e) { return {}; }
  }

  function save(progress) {
    try { window.localStorage.setItem(KEY, JSON.stringify(progress)); } catch (e) { /* storage off: nothing kept */ }
  }

  function course(progress, slug) {
    if (!progress[slug]) { progress[slug] = { read: [] }; }
    return progress[slug];
  }

  var progress = load();

  var lesson = document.querySelector('article[data-course][data-lesson]');
  if (lesson) {
    var c = course(progress, lesson.getAttribute('data-course'));
    if (c.read.indexOf(lesson.getAttribute('data-lesson')) < 0) { c.read.push(lesson.getAttribute('data-lesson')); }
    save(progress);
  }

  var result = document.getElementById('quiz-result');
  if (result) {
    if (result.getAttribute('data-passed') === 'true') {
      var passed = course(progress, result.getAttribute('data-course'));
      passed.passed = new Date().toLocaleDateString(document.documentElement.lang || undefined);
      passed.score = result.getAttribute('data-score');
      save(progress);
    }
    result.focus();
  }

  var words = document.getElementById('browser-progress');
  if (!words) { return; }

  function fill(text, values) {
    return text.replace(/\{(\d)\}/g, function (_, i) { return values[Number(i)]; });
  }

  function show() {
    var any = Object.keys(progress).length > 0;
    words.hidden = !any;
    document.querySelectorAll('[data-progress-for]').forEach(function (el) {
      var c = progress[el.getAttribute('data-progress-for')];
      var lessons = Number(el.getAttribute('data-lesson-count') || document.querySelectorAll('.lesson-list [data-lesson]').length);
      var parts = [];
      if (c && c.read.length) { parts.push(fill(words.getAttribute('data-lessons'), [Math.min(c.read.length, lessons), lessons])); }
      if (c && c.passed) { parts.push(fill(words.getAttribute('data-passed'), [c.passed, c.score])); }
      el.textContent = parts.join(' · ');
      el.hidden = parts.length === 0;
    });
    var list = document.querySelector('.lesson-list[data-course]');
    if (list) {
      var read = (progress[list.getAttribute('data-course')] || { read: [] }).read;
      list.querySelectorAll('[data-lesson]').forEach(function (item) {
        var mark = item.querySelector('.read-mark');
        if (read.indexOf(item.getAttribute('data-lesson')) >= 0 && !mark) {
          mark = document.createElement('span');
          mark.className = 'read-mark';
          mark.textContent = ' (' + words.getAttribute('data-read') + ')';
          item.querySelector('a').after(mark);
        } else if (read.indexOf(item.getAttribute('data-lesson')) < 0 && mark) {
          mark.remove();
        }
      });
    }
  }

  show();
  var forget = document.getElementById('forget-progress');
  if (forget) {
    forget.addEventListener('click', function () {
      try { window.localStorage.removeItem(KEY); } catch (e) { /* nothing kept */ }
      progress = {};
      show();
      words.hidden = false;
      var status = document.getElementById('forget-status');
      status.textContent = status.getAttribute('data-done');
    });
  }
}());
