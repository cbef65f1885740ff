// Live regions: an element with data-live="/live/TOPIC?since=…" listens to that server-sent event stream and,
// when it says "changed", re-fetches this page and swaps in the new content of the element with the same id.
// Without JavaScript the pages still read; they just do not update by themselves.
(function () {
  'use strict';
  function refresh(el) {
    el.setAttribute('aria-busy', 'true');
    fetch(window.location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (r) { return r.text(); })
      .then(function (text) {
        var fresh = new DOMParser().parseFromString(text, 'text/html').getElementById(el.id);
        if (fresh) { el.replaceChildren.apply(el, Array.from(fresh.childNodes)); }
      })
      .finally(function () { el.setAttribute('aria-busy', 'false'); });
  }
  function listen(el) {
    var source = new EventSource(el.getAttribute('data-live'));
    el.setAttribute('aria-busy', 'true'); // until the stream is up
    source.addEventListener('ready', function () { el.setAttribute('aria-busy', 'false'); });
    source.addEventListener('changed', function () { refresh(el); });
    source.onerror = function () { el.setAttribute('aria-busy', 'true'); };
  }
  document.querySelectorAll('[data-live][id]').forEach(listen);
})();
