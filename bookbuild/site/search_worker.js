// lossbook: a glossary term typed in the search box lists the chapter that defines it first.
//
// Prepended by bookbuild.site.search.install_worker to Material's search worker (the page's
// config names this file instead of Material's). Lunr ranks a query's syllables one by one,
// so a term of common syllables ("số gia", "hàm hợp") can rank another page first; the index
// entry of each term's defining section carries the term in `keywords` (add_keywords), and a
// query that is one of them, as typed (any case, extra spaces, with or without diacritics,
// since both spellings are keywords), moves that page's results to the top. Every other query
// is Material's ranking, untouched. Messages: {type: 0, data: index} sets up, {type: 2,
// data: query} searches, the worker answers {type: 3, data: {items: [[doc, ...], ...]}}, one
// list of documents per page, best page first.
(function () {
  "use strict";
  var home = new Map(); // a keyword, normalised -> the location of the page that defines it
  var asked = [];       // the queries not answered yet, oldest first
  var normalise = function (query) {
    return String(query).normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
  };
  var page = function (location) {
    return location.split("#")[0];
  };
  self.addEventListener("message", function (event) {
    var message = event.data || {};
    if (message.type === 0) {
      home.clear();
      (message.data.docs || []).forEach(function (doc) {
        (doc.keywords || []).forEach(function (keyword) {
          home.set(normalise(keyword), page(doc.location));
        });
      });
    } else if (message.type === 2) {
      asked.push(message.data);
    }
  });
  var post = self.postMessage;
  self.postMessage = function (message) {
    if (message && message.type === 3 && asked.length) {
      var target = home.get(normalise(asked.shift()));
      var items = message.data && message.data.items;
      if (target !== undefined && Array.isArray(items)) {
        var at = items.findIndex(function (docs) {
          return docs.length && page(docs[0].location) === target;
        });
        if (at > 0) items.unshift(items.splice(at, 1)[0]);
      }
    }
    return post.apply(self, arguments);
  };
})();
