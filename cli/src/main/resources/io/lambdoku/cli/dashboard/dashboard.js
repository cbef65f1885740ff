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

// Log tails: an element with data-log-tail="/apps/APP/logs?from=MS" appends each line that stream sends, as text
// (textContent: a line holding markup shows as that markup, it never becomes it), keeping the newest 500. Each event's
// id is where the next read starts, so after a drop the stream is reopened from there and no line shows twice.
(function () {
  'use strict';
  function tail(list, url) {
    var source = new EventSource(url);
    var from = null;
    list.setAttribute('aria-busy', 'true');
    source.addEventListener('ready', function () { list.setAttribute('aria-busy', 'false'); });
    source.addEventListener('line', function (e) {
      var item = document.createElement('li');
      item.textContent = e.data;
      list.appendChild(item);
      while (list.children.length > 500) { list.removeChild(list.firstElementChild); }
      if (e.lastEventId) { from = e.lastEventId; }
    });
    source.onerror = function () {
      list.setAttribute('aria-busy', 'true');
      source.close();
      var next = from === null ? url : url.replace(/([?&]from=)[0-9]+/, '$1' + from);
      setTimeout(function () { tail(list, next); }, 2000);
    };
  }
  document.querySelectorAll('[data-log-tail]').forEach(function (list) { tail(list, list.getAttribute('data-log-tail')); });
})();
