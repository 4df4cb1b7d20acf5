// The site's search index (search/search_index.json: 800 KB, 210 KB compressed) is downloaded
// when the reader starts to search, not on every page load.
//
// Material's search requests the whole index as each page loads, though most page views never
// search. On a phone that download shares the connection with the page's own fonts and, in
// Lighthouse's simulated phone, pushed a page's Largest Contentful Paint from about 1 s to 3-4 s
// whenever it began before the first paint. Material already waits for the search box to open
// before it loads the index of a copy opened from disk (file://); this does the same on the web.
//
// Material requests the index with XMLHttpRequest as its bundle starts, so this script is loaded
// just before the bundle (overrides/main.html). The request is held back until the search box
// takes focus, opens, or is pointed at; Material shows "Initializing search" meanwhile and runs
// the query typed so far once the index has arrived.
(function () {
  if (typeof document === "undefined" || !document.forms.namedItem("search")) {
    return;
  }
  let startSearching;
  const searchWanted = new Promise((resolve) => (startSearching = resolve));
  const search = document.querySelector("[data-md-component=search]");
  search.addEventListener("focusin", startSearching, { once: true });
  document.getElementById("__search").addEventListener("change", startSearching, { once: true });
  for (const opener of document.querySelectorAll("label[for=__search], .md-search")) {
    opener.addEventListener("pointerover", startSearching, { once: true });
  }

  const isSearchIndex = (url) => new URL(url, location.href).pathname.endsWith("/search/search_index.json");
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.waitsForSearch = isSearchIndex(url);
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...body) {
    if (!this.waitsForSearch) {
      return send.apply(this, body);
    }
    searchWanted.then(() => send.apply(this, body));
  };
})();
