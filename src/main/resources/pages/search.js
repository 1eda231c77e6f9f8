// NewsGraph: the search of a static site (no server to ask): shows only the entities whose label
// or other name contains ?q= (ignoring case), as the server does.
(function () {
  "use strict";
  var q = new URLSearchParams(window.location.search).get("q");
  var list = document.getElementById("entity-list");
  if (!q || !list) {
    return;
  }
  var needle = q.trim().toLowerCase();
  var items = list.querySelectorAll("li");
  var shown = 0;
  items.forEach(function (li) {
    var match = (li.getAttribute("data-names") || "").indexOf(needle) >= 0;
    li.hidden = !match;
    if (match) {
      shown++;
    }
  });
  var box = document.getElementById("q");
  if (box) {
    box.value = q;
  }
  var count = document.getElementById("count");
  if (count) {
    count.textContent = shown + " of " + items.length + " entities match \u201c" + q.trim() + "\u201d.";
  }
})();
