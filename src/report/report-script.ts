/**
 * The report's only script, a few lines of plain JavaScript: sort a table by a column (numbers by
 * their exact value in `data-sort`, empty cells last), and filter every table and chart by a text
 * (without diacritics: "chau duc" finds "Châu Đức") and a status. The page reads fully without it.
 */

/** How the page and the script compare text: lower case, no diacritics, đ as d, hyphens as spaces. */
export function searchKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[\s_-]+/g, " ")
    .trim();
}

export const REPORT_JS = `
(function () {
  "use strict";
  function key(text) {
    return text.normalize("NFD").replace(/[\\u0300-\\u036f]/g, "").replace(/[\\u0111\\u0110]/g, "d").toLowerCase().replace(/[\\s_-]+/g, " ").trim();
  }
  function cellValue(row, index, numeric) {
    var cell = row.cells[index];
    if (!cell) return null;
    var raw = cell.getAttribute("data-sort");
    if (raw === null) raw = cell.textContent.trim();
    if (raw === "") return null;
    return numeric ? Number(raw) : key(raw);
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, index) {
      var button = th.querySelector("button.sort");
      if (!button) return;
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var numeric = th.getAttribute("data-type") === "num";
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, index, numeric), y = cellValue(b, index, numeric);
          if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
          var order = numeric ? x - y : x.localeCompare(y, "vi");
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
  var input = document.getElementById("filter");
  var status = document.getElementById("status-filter");
  var shown = document.getElementById("shown");
  function apply() {
    var query = key(input ? input.value : "");
    var wanted = status ? status.value : "";
    var rows = document.querySelectorAll("tr[data-search]");
    var visible = 0;
    rows.forEach(function (row) {
      var ok = (query === "" || row.getAttribute("data-search").indexOf(query) >= 0) && (wanted === "" || row.getAttribute("data-status") === wanted);
      row.hidden = !ok;
      if (ok) visible++;
    });
    if (shown) shown.textContent = visible + " / " + rows.length;
    document.querySelectorAll("svg").forEach(function (svg) {
      var lines = svg.querySelectorAll("g.unit-line");
      if (lines.length === 0) return;
      var active = query !== "" || wanted !== "";
      svg.classList.toggle("filtered", active);
      lines.forEach(function (line) {
        var ok = (query === "" || line.getAttribute("data-search").indexOf(query) >= 0) && (wanted === "" || line.classList.contains("status-" + wanted));
        line.classList.toggle("match", active && ok);
      });
    });
  }
  if (input) input.addEventListener("input", apply);
  if (status) status.addEventListener("change", apply);
  apply();
})();
`;
