// Warden's pages: progressive enhancement only. Every page works without this script.
(function () {
  'use strict';

  // A mailed link's token must not stay in the address bar, the history or a bookmark:
  // the page already carries it in its form's hidden field.
  function dropTokenFromAddress() {
    var url = new URL(window.location.href);
    if (!url.searchParams.has('token')) return;
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
  }

  // The password rules a browser can check itself; the server checks them all (and more).
  var CHECKS = {
    length: function (v) { var n = Array.from(v).length; return n >= 8 && n <= 128; },
    max_bytes: function (v) { return new TextEncoder().encode(v).length <= 72; },
    uppercase: function (v) { return /\p{Lu}/u.test(v); },
    lowercase: function (v) { return /\p{Ll}/u.test(v); },
    digit: function (v) { return /\p{Nd}/u.test(v); },
  };

  function checkPasswordRules(input) {
    var list = document.getElementById(input.getAttribute('data-password-rules'));
    if (!list) return;
    var update = function () {
      var value = input.value.normalize('NFC');
      list.querySelectorAll('li[data-rule]').forEach(function (item) {
        var check = CHECKS[item.getAttribute('data-rule')];
        if (!check) return;
        var met = value.length > 0 && check(value);
        item.classList.toggle('met', met);
        item.classList.toggle('unmet', value.length > 0 && !met);
      });
    };
    input.addEventListener('input', update);
    // An empty field keeps the marks the server set after a refused submit.
    if (input.value) update();
  }

  // "Repeat the password": say so before the round trip (the server says it too).
  function checkRepeat(input) {
    var original = document.getElementById(input.getAttribute('data-repeat-of'));
    if (!original) return;
    var update = function () {
      input.setCustomValidity(input.value && input.value !== original.value ? 'The two passwords differ.' : '');
    };
    input.addEventListener('input', update);
    original.addEventListener('input', update);
  }

  function start() {
    dropTokenFromAddress();
    document.querySelectorAll('input[data-password-rules]').forEach(checkPasswordRules);
    document.querySelectorAll('input[data-repeat-of]').forEach(checkRepeat);
    var focus = document.querySelector('[data-focus-on-load]');
    if (focus) focus.focus();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
