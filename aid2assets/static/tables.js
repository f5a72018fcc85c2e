// The book's table enhancer (no dependencies, no network). Each <div class="a2a-table"
// data-interactive="true"> holds a plain HTML table that is readable without JavaScript.
// This script adds, in the browser:
//   * a sort button inside each sortable header cell; the header carries aria-sort;
//   * a labelled select list for each column marked data-filter="true";
//   * a labelled text search when the table has data-search="true";
//   * a status line (role="status") saying how many rows are shown.
// Rows are hidden with the hidden attribute, so hidden rows leave the accessibility tree.

function cellKey(row, index, numeric) {
  const cell = row.cells[index];
  const raw = cell.dataset.sort ?? cell.dataset.value ?? cell.textContent.trim();
  return numeric ? Number(raw) : raw;
}

function compare(a, b, numeric) {
  if (numeric) return (Number.isNaN(a) ? Infinity : a) - (Number.isNaN(b) ? Infinity : b);
  return String(a).localeCompare(String(b), undefined, { numeric: true, sensitivity: "base" });
}

function enhanceTable(box, n) {
  const table = box.querySelector("table");
  if (!table || box.dataset.enhanced) return;
  box.dataset.enhanced = "true";
  const headers = Array.from(table.tHead.rows[0].cells);
  const tbody = table.tBodies[0];
  const rows = Array.from(tbody.rows);
  rows.forEach((row, i) => { row.dataset.order = String(i); });
  const title = box.querySelector(".a2a-title");
  const name = title ? title.textContent : "table";

  const status = document.createElement("p");
  status.className = "a2a-table-status";
  status.setAttribute("role", "status");

  const filters = [];   // [column index, select]
  let search = null;

  function apply() {
    const text = search ? search.value.trim().toLowerCase() : "";
    let shown = 0;
    rows.forEach((row) => {
      const ok = filters.every(([i, sel]) => sel.value === "" || row.cells[i].dataset.value === sel.value)
        && (!text || row.textContent.toLowerCase().includes(text));
      row.hidden = !ok;
      if (ok) shown += 1;
    });
    status.textContent = `Showing ${shown} of ${rows.length} rows.`;
  }

  function sortBy(index) {
    const th = headers[index];
    const numeric = th.dataset.type === "number";
    const direction = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
    const sign = direction === "ascending" ? 1 : -1;
    const sorted = rows.slice().sort((a, b) =>
      sign * compare(cellKey(a, index, numeric), cellKey(b, index, numeric), numeric)
      || Number(a.dataset.order) - Number(b.dataset.order));
    sorted.forEach((row) => tbody.appendChild(row));
    headers.forEach((h) => { if (h.dataset.sortable === "true") h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", direction);
  }

  headers.forEach((th, index) => {
    if (th.dataset.sortable !== "true") return;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "a2a-sort";
    while (th.firstChild) button.appendChild(th.firstChild);
    const icon = document.createElement("span");
    icon.className = "a2a-sort-icon";
    icon.setAttribute("aria-hidden", "true");
    button.appendChild(icon);
    button.addEventListener("click", () => sortBy(index));
    th.appendChild(button);
  });

  const controls = document.createElement("div");
  controls.className = "a2a-table-controls";
  controls.setAttribute("role", "group");
  controls.setAttribute("aria-label", `Filters for: ${name}`);
  headers.forEach((th, index) => {
    if (th.dataset.filter !== "true") return;
    const id = `${box.id}-filter-${n}-${index}`;
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = th.textContent.trim();
    const select = document.createElement("select");
    select.id = id;
    const all = new Option("All", "");
    select.add(all);
    const seen = new Map();
    rows.forEach((row) => {
      const cell = row.cells[index];
      if (!seen.has(cell.dataset.value)) seen.set(cell.dataset.value, cell.dataset.sort ?? cell.dataset.value);
    });
    Array.from(seen.entries())
      .sort((a, b) => compare(a[1], b[1], false))
      .forEach(([value]) => select.add(new Option(value, value)));
    select.addEventListener("change", apply);
    filters.push([index, select]);
    const wrap = document.createElement("span");
    wrap.className = "a2a-table-filter";
    wrap.append(label, select);
    controls.appendChild(wrap);
  });
  if (box.dataset.search === "true") {
    const id = `${box.id}-search-${n}`;
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = "Search this table";
    search = document.createElement("input");
    search.type = "search";
    search.id = id;
    search.autocomplete = "off";
    search.addEventListener("input", apply);
    const wrap = document.createElement("span");
    wrap.className = "a2a-table-filter";
    wrap.append(label, search);
    controls.appendChild(wrap);
  }
  const scroll = box.querySelector(".a2a-table-scroll") || table;
  if (controls.childElementCount) box.insertBefore(controls, scroll);
  scroll.insertAdjacentElement("afterend", status);
  apply();
  box.dataset.ready = "true";
}

function enhanceAll() {
  document.querySelectorAll('div.a2a-table[data-interactive="true"]').forEach(enhanceTable);
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", enhanceAll);
} else {
  enhanceAll();
}
