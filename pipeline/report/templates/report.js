// Filtering and search; reads only the page itself (no request is ever made).
(function () {
  "use strict";
  var q = document.getElementById("q");
  var kind = document.getElementById("kind");
  var shown = document.getElementById("shown");
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-row]"));
  // Read each row's text once: reading textContent of thousands of rows per keystroke is the slow part.
  var texts = rows.map(function (row) { return row.textContent.toLowerCase(); });
  var shownNow = rows.map(function () { return true; });
  function matches(row, text, words, k) {
    if (k === "personal" && row.dataset.personal !== "1") return false;
    if (k === "undeclared" && row.dataset.undeclared !== "1") return false;
    if (k === "review" && row.dataset.status !== "changed" && row.dataset.status !== "suggested") return false;
    if (k === "violations" && row.dataset.row !== "violation") return false;
    if (k === "fields" && row.dataset.row !== "field") return false;
    for (var i = 0; i < words.length; i++) { if (text.indexOf(words[i]) < 0) return false; }
    return true;
  }
  function apply() {
    var words = q.value.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
    var k = kind.value, n = 0;
    rows.forEach(function (row, i) {
      var ok = matches(row, texts[i], words, k);
      if (ok !== shownNow[i]) { row.classList.toggle("hidden", !ok); shownNow[i] = ok; }
      if (ok) n++;
    });
    shown.textContent = n + " of " + rows.length + " rows";
  }
  q.addEventListener("input", apply);
  kind.addEventListener("change", apply);
  apply();
})();
