// --- Every figure a tool (issue 24) ------------------------------------------------------------
// Bundled after embed.js into the same module (aid2assets/bundle.py), so the toolbar's code
// arrives with the figure script, as figures approach the view. drawFigure() calls
// figureTools(figure, view) once a chart is drawn (and again when it is redrawn for a new
// theme or width). What it adds:
//
// * the view in the address (site only): operating a bound control writes the figure's state
//   into the page's query string with history.replaceState, one parameter per figure, keyed
//   by the figure's element id, and the fragment names that figure:
//       ?fig-aid-by-year=basis:current,show_events:false#fig-aid-by-year
//   A state is a comma-separated list of name:value pairs, each part percent-encoded
//   (encodeURIComponent, which escapes "," and ":"); only values that differ from the
//   chart's defaults are written. A value is read back only if it fits its control (a
//   listed option of a radio group or drop-down, true/false for a tick box, a number within
//   a slider's range); anything else is ignored and the default kept. Bound point
//   selections (the overview's year pickers, also set by clicking the chart) are bound
//   signals too, so clicks are recorded the same way;
// * a linked title (a permalink to #fig-<id>), "Copy link", "Figure page" and "Embed" (site only);
// * "Table": the numbers of the current view as a real <table>, read from the drawn marks;
//   "Download the data shown (CSV)" follows the view; the static link downloads the full table;
// * "Save as PNG" / "Save as SVG": a light re-rendering of the current view with the title,
//   the description, the source line, the licence, the book's name and the figure's address;
// * tooltips that find the data: a tap shows a mark's tooltip and a tap elsewhere hides it,
//   and a data mark under an annotation mark (an event rule, a label) gives its own tooltip.

const A2A_BOOK = "From Aid to Assets";
const A2A_LICENCE = "CC BY 4.0";
const EXPORT_WIDTH = 1000;  // px the chart is laid out for in a saved image (not narrow)
const PNG_SCALE = 2;        // a saved PNG has twice the pixels of its layout: print-friendly
const ANNOTATION_MARKS = new Set(["rule", "text"]);

// The site's root, from the loader script's address; null in a notebook (no links there).
function siteRoot() {
  const script = document.querySelector('script[src*="_static/a2a/loader.js"]');
  return script ? new URL("../../", script.src) : null;
}

function bookId(figure) {
  return figure.id.replace(/^fig-/, "");
}

// --- Controls and their state ------------------------------------------------------------------

// name -> {kind, options?, min?, max?} for every control bound to a signal of the figure.
function boundControls(figure) {
  const controls = new Map();
  figure.querySelectorAll(".vega-bindings input[name], .vega-bindings select[name]").forEach((el) => {
    const kind = el.tagName === "SELECT" ? "select" : el.type;
    const entry = controls.get(el.name) || { kind, options: [] };
    if (kind === "radio") entry.options.push(el.value);
    if (kind === "select") entry.options = Array.from(el.options).map((o) => o.value);
    if (kind === "range") Object.assign(entry, { min: Number(el.min), max: Number(el.max) });
    controls.set(el.name, entry);
  });
  return controls;
}

function signalOf(view, name) {
  try { return view.signal(name); } catch (err) { return undefined; }
}

// A value from an address, typed like the control's default, or undefined if it does not fit.
function fitValue(control, text, fallback) {
  if (control.kind === "checkbox") return text === "true" ? true : text === "false" ? false : undefined;
  if (control.kind === "range") {
    const number = Number(text);
    const fits = text.trim() !== "" && Number.isFinite(number) && number >= control.min && number <= control.max;
    return fits ? number : undefined;
  }
  if (control.kind === "radio" || control.kind === "select") {
    if (!control.options.includes(text)) return undefined;
    return typeof fallback === "number" ? Number(text) : text;
  }
  return undefined;
}

function encodeState(figure, view) {
  const defaults = figure.a2aDefaults || {};
  const parts = [];
  for (const name of boundControls(figure).keys()) {
    const value = signalOf(view, name);
    if (value === undefined || value === null || value === defaults[name]) continue;
    if (typeof value === "object") continue;  // not a control's value
    parts.push(`${encodeURIComponent(name)}:${encodeURIComponent(String(value))}`);
  }
  return parts.join(",");
}

function decodeState(text) {
  const pairs = [];
  // A "+" is a space (as in a form's encoding: the state never writes one, but a server or a
  // tool that re-encodes the address may).
  let raw = String(text || "").replace(/\+/g, "%20");
  // An address re-encoded by another tool ("basis%3Acurrent%2C..."): decode it once first.
  if (!raw.includes(":") && /%3A/i.test(raw)) {
    try { raw = decodeURIComponent(raw); } catch (err) { return pairs; }
  }
  for (const part of raw.split(",")) {
    const at = part.indexOf(":");
    if (at < 1) continue;
    try {
      pairs.push([decodeURIComponent(part.slice(0, at)), decodeURIComponent(part.slice(at + 1))]);
    } catch (err) { /* malformed percent-encoding: ignored */ }
  }
  return pairs;
}

// The raw (still encoded) query parameters of the address, in order.
function queryPairs(search) {
  return search.replace(/^\?/, "").split("&").filter(Boolean).map((part) => {
    const at = part.indexOf("=");
    return at < 0 ? [part, ""] : [part.slice(0, at), part.slice(at + 1)];
  });
}

function stateInAddress(figure) {
  const found = queryPairs(window.location.search).find(([key]) => key === figure.id);
  return found ? found[1] : "";
}

function writeAddress(figure, view) {
  const state = encodeState(figure, view);
  if (state === stateInAddress(figure)) return null;  // unchanged (a redraw for a new theme)
  const pairs = queryPairs(window.location.search).filter(([key]) => key !== figure.id);
  if (state) pairs.push([figure.id, state]);
  const search = pairs.length ? "?" + pairs.map(([k, v]) => `${k}=${v}`).join("&") : "";
  const address = `${window.location.pathname}${search}#${figure.id}`;
  try { history.replaceState(history.state, "", address); } catch (err) { /* a sandboxed frame */ }
  return address;
}

// The figure's own address with its current view, for links and images.
function figureAddress(figure, view) {
  const canonical = document.querySelector('link[rel="canonical"]');
  const page = new URL(canonical ? canonical.href : window.location.href);
  const state = encodeState(figure, view);
  page.search = state ? `?${figure.id}=${state}` : "";
  page.hash = figure.id;
  return page.href;
}

async function applyState(figure, view, text) {
  const controls = boundControls(figure);
  let changed = false;
  for (const [name, raw] of decodeState(text)) {
    const control = controls.get(name);
    if (!control) continue;
    const value = fitValue(control, raw, signalOf(view, name));
    if (value === undefined) continue;
    try { view.signal(name, value); changed = true; } catch (err) { /* not a signal: ignored */ }
  }
  if (changed) await view.runAsync();
  syncInputs(figure, view, controls);
  return changed;
}

// Make the form show the signals' values (Vega updates most bindings itself; this covers all).
function syncInputs(figure, view, controls) {
  for (const [name, control] of controls) {
    const value = signalOf(view, name);
    if (value === undefined || value === null) continue;
    figure.querySelectorAll(`.vega-bindings [name="${CSS.escape(name)}"]`).forEach((el) => {
      if (control.kind === "radio") el.checked = el.value === String(value);
      else if (control.kind === "checkbox") el.checked = Boolean(value);
      else if (String(el.value) !== String(value)) {
        el.value = String(value);
        const shown = el.nextElementSibling;
        if (control.kind === "range" && shown && shown.tagName === "SPAN" && !el.hasAttribute("aria-valuetext")) {
          shown.textContent = String(value);
        }
      }
    });
  }
}

// --- The numbers of the current view -----------------------------------------------------------

function markItems(node, marks) {
  if (!node) return marks;
  if (node.marktype && node.items) {
    if (node.marktype === "group") node.items.forEach((group) => (group.items || []).forEach((m) => markItems(m, marks)));
    else if (node.role === "mark" && !/_(brush|brush_bg|voronoi)$/.test(node.name || "")) marks.push(node);
  } else if (node.items) node.items.forEach((m) => markItems(m, marks));
  return marks;
}

function visible(item) {
  return item.opacity !== 0 && !(item.fillOpacity === 0 && (item.strokeOpacity === 0 || !item.stroke));
}

function tooltipRow(tip) {
  if (tip === null || tip === undefined || tip === "") return null;
  if (typeof tip === "object" && !Array.isArray(tip)) return tip;
  return { Value: tip };
}

// {columns, rows}: the tooltips of the drawn data marks. The mark with the most visible items
// that carry a tooltip is the figure's data; marks with the same tooltip headings (the other
// layers of a stack, the other panels of a chart) join it. Without tooltips, the fields of the
// largest mark's data.
function shownTable(view) {
  const marks = markItems(view.scenegraph().root, []);
  const withTips = marks.map((mark) => ({
    mark, rows: mark.items.filter((item) => visible(item)).map((item) => tooltipRow(item.tooltip)).filter(Boolean),
  }));
  const best = withTips.reduce((a, b) => (b.rows.length > a.rows.length ? b : a), { rows: [] });
  let rows;
  if (best.rows.length) {
    const keys = (row) => Object.keys(row).join("\u0000");
    const wanted = keys(best.rows[0]);
    rows = withTips.flatMap((entry) => entry.rows.filter((row) => keys(row) === wanted));
  } else {
    const data = marks.reduce((a, b) => (b.items.length > (a ? a.items.length : 0) ? b : a), null);
    rows = data ? data.items.filter(visible).map((item) => item.datum).filter(Boolean).map((datum) =>
      Object.fromEntries(Object.entries(datum).filter(([k, v]) => !k.startsWith("_") && typeof v !== "object"))) : [];
  }
  const seen = new Set();
  rows = rows.filter((row) => {
    const key = JSON.stringify(row);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const columns = rows.length ? Object.keys(rows[0]) : [];
  return { columns, rows: rows.map((row) => columns.map((c) => row[c])) };
}

const numberText = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });

function cellText(value) {
  if (typeof value === "number") return numberText.format(value);
  return value === null || value === undefined ? "" : String(value);
}

// In the CSV a number keeps its digits: "1,751.8" in the table is 1751.8 in the file.
function csvValue(value) {
  if (typeof value === "number") return String(value);
  const text = cellText(value);
  return /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text) ? text.replace(/,/g, "") : text;
}

function csvText(table) {
  const quote = (text) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = [table.columns.map((c) => quote(String(c)))];
  table.rows.forEach((row) => lines.push(row.map((v) => quote(csvValue(v)))));
  return lines.map((line) => line.join(",")).join("\n") + "\n";
}

function renderTable(figure, table) {
  const box = figure.querySelector(".a2a-table-view");
  if (!box) return;
  const title = figure.querySelector(".a2a-title");
  const doc = box.ownerDocument;
  const el = doc.createElement("table");
  const caption = el.createCaption();
  caption.textContent = `${title ? title.textContent.trim() : "This chart"}: the numbers shown (${table.rows.length} rows)`;
  const head = el.createTHead().insertRow();
  table.columns.forEach((c) => {
    const th = doc.createElement("th");
    th.scope = "col";
    th.textContent = c;
    head.appendChild(th);
  });
  const body = el.createTBody();
  table.rows.forEach((row) => {
    const tr = body.insertRow();
    row.forEach((value, i) => {
      const cell = doc.createElement(i === 0 ? "th" : "td");
      if (i === 0) cell.scope = "row";
      cell.textContent = cellText(value);
      if (typeof value === "number" || /^[-−]?[$€£]?[\d,.]+%?$/.test(cellText(value))) cell.className = "a2a-num";
      tr.appendChild(cell);
    });
  });
  box.replaceChildren(el);
}

function refreshShown(figure, view) {
  let table;
  try { table = shownTable(view); } catch (err) { return; }
  figure.a2aShown = table;
  const link = figure.querySelector("a.a2a-download-shown");
  if (link) link.href = "data:text/csv;charset=utf-8," + encodeURIComponent(csvText(table));
  const box = figure.querySelector(".a2a-table-view");
  if (box && !box.hidden) renderTable(figure, table);
}

// --- Citable images ----------------------------------------------------------------------------

const carriedSignal = (name) => !/^(background|width|height|padding|autosize|narrow)$|_(width|height)$/.test(name);

// The current view drawn again off-screen in the light palette, laid out for EXPORT_WIDTH.
// (Through Vega-Embed: the bundle's `vega` and `vegaLite` names are null at run time.)
async function lightView(figure, live) {
  const spec = JSON.parse(figure.querySelector("script.a2a-spec").textContent);
  const laid = layoutFor(spec, EXPORT_WIDTH, 0, 0);
  const box = document.createElement("div");
  box.setAttribute("aria-hidden", "true");
  box.style.cssText = `position:absolute;left:-20000px;top:0;width:${EXPORT_WIDTH}px;visibility:hidden`;
  document.body.appendChild(box);
  const light = (vgSpec) => {
    raiseFonts(vgSpec);
    vgSpec.background = "#ffffff";
    return vgSpec;
  };
  let result;
  try {
    result = await vegaEmbed(box, laid, { renderer: "svg", actions: false, tooltip: false, hover: false, patch: light });
  } catch (err) {
    box.remove();
    throw err;
  }
  const view = result.view;
  try {
    view.setState(live.getState({ signals: carriedSignal, data: () => false }));
  } catch (err) { /* a fresh default state */ }
  await view.runAsync();
  const finalize = view.finalize.bind(view);
  view.finalize = () => { finalize(); box.remove(); return view; };
  return view;
}

function wrapWords(ctx, text, width, font) {
  ctx.font = font;
  const lines = [];
  let line = "";
  for (const word of String(text).split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (ctx.measureText(next).width <= width || !line) {
      line = next;
    } else {
      lines.push(line);
      line = word;
    }
    while (ctx.measureText(line).width > width && line.length > 1) {  // an address: cut anywhere
      let cut = line.length - 1;
      while (cut > 1 && ctx.measureText(line.slice(0, cut)).width > width) cut -= 1;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines;
}

const IMAGE_FONT = "Helvetica, Arial, sans-serif";
const IMAGE_TEXT = [
  ["title", `bold 22px ${IMAGE_FONT}`, 22, "#111111"],
  ["subtitle", `15px ${IMAGE_FONT}`, 15, "#333333"],
  ["footer", `12px ${IMAGE_FONT}`, 12, "#444444"],
];

// Title, subtitle, chart and footer laid out for a chart chartW x chartH px.
function imageLayout(figure, view, chartW, chartH) {
  const margin = 24;
  const width = Math.max(Math.ceil(chartW), 640) + 2 * margin;
  const inner = width - 2 * margin;
  const ctx = document.createElement("canvas").getContext("2d");
  const text = (selector) => {
    const el = figure.querySelector(selector);
    return el ? el.textContent.replace(/\s+/g, " ").trim() : "";
  };
  const sourceEl = figure.querySelector(".a2a-source-full") || figure.querySelector(".a2a-source");
  let source = sourceEl ? sourceEl.textContent.replace(/\s+/g, " ").trim() : "";
  if (!/^Source/.test(source)) source = `Source: ${source}`;
  const address = siteRoot() ? figureAddress(figure, view) : "";
  const blocks = {
    title: [text(".a2a-title")],
    subtitle: [text(".a2a-desc")],
    footer: [source, `${A2A_BOOK} · ${A2A_LICENCE}`].concat(address ? [address] : []),
  };
  const lines = [];
  let y = margin;
  for (const [kind, font, size, colour] of IMAGE_TEXT) {
    if (kind === "footer") y += chartH + 16;
    for (const block of blocks[kind]) {
      for (const line of wrapWords(ctx, block, inner, font)) {
        y += Math.round(size * 1.3);
        lines.push({ text: line, font, size, colour, x: margin, y });
      }
    }
    if (kind === "subtitle") y += 12;
  }
  const chartY = lines.filter((l) => l.size !== 12).reduce((a, l) => Math.max(a, l.y), margin) + 16;
  return { width, height: y + margin, lines, chartX: margin, chartY };
}

function escapeXml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

async function figureSvg(figure, live) {
  const view = await lightView(figure, live);
  try {
    const chart = (await view.toSVG()).replace(/^<\?xml[^>]*>\s*/, "");
    const chartW = Number((chart.match(/<svg[^>]*\swidth="([\d.]+)"/) || [])[1]) || view.width();
    const chartH = Number((chart.match(/<svg[^>]*\sheight="([\d.]+)"/) || [])[1]) || view.height();
    const layout = imageLayout(figure, live, chartW, chartH);
    const texts = layout.lines.map((l) => `<text x="${l.x}" y="${l.y}" font-family="${IMAGE_FONT}" `
      + `font-size="${l.size}"${/^bold/.test(l.font) ? ' font-weight="bold"' : ""} fill="${l.colour}">${escapeXml(l.text)}</text>`);
    const placed = chart.replace(/^<svg/, `<svg x="${layout.chartX}" y="${layout.chartY}"`);
    return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" `
      + `width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}">`
      + `<rect width="100%" height="100%" fill="#ffffff"/>${texts.join("")}${placed}</svg>`;
  } finally {
    view.finalize();
  }
}

async function figurePng(figure, live) {
  const view = await lightView(figure, live);
  try {
    const chart = await view.toCanvas(PNG_SCALE);
    const chartW = chart.width / PNG_SCALE;
    const chartH = chart.height / PNG_SCALE;
    const layout = imageLayout(figure, live, chartW, chartH);
    const canvas = document.createElement("canvas");
    canvas.width = layout.width * PNG_SCALE;
    canvas.height = layout.height * PNG_SCALE;
    const ctx = canvas.getContext("2d");
    ctx.scale(PNG_SCALE, PNG_SCALE);
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, layout.width, layout.height);
    for (const l of layout.lines) {
      ctx.font = l.font;
      ctx.fillStyle = l.colour;
      ctx.fillText(l.text, l.x, l.y);
    }
    ctx.drawImage(chart, layout.chartX, layout.chartY, chartW, chartH);
    return await new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
  } finally {
    view.finalize();
  }
}

function saveFile(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  // Clicked without being put in the page: JupyterLab's own click handlers never see it.
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// --- Tooltips that find the data ---------------------------------------------------------------

function isDataItem(item) {
  return item && item.mark && item.mark.role === "mark" && !ANNOTATION_MARKS.has(item.mark.marktype)
    && item.tooltip !== undefined && item.tooltip !== null && item.tooltip !== "";
}

// The data item under the pointer when an annotation mark lies on top of it, else `item`.
function dataUnder(event, item) {
  if (!item || !item.mark || !ANNOTATION_MARKS.has(item.mark.marktype) || !event) return item;
  if (typeof event.clientX !== "number" || !document.elementsFromPoint) return item;
  for (const el of document.elementsFromPoint(event.clientX, event.clientY)) {
    const under = Array.isArray(el.__data__) ? el.__data__[0] : el.__data__;
    if (isDataItem(under)) return under;
  }
  return item;
}

function touchTooltips(figure, view) {
  const show = view.tooltip();
  if (typeof show !== "function" || show.a2aWrapped) return false;
  const wrapped = function tooltip(handler, event, item, value) {
    // A finger's pointerover/pointerout come and go with the tap itself: taps are handled below.
    if (event && event.pointerType === "touch" && !event.a2aTap) return undefined;
    const found = dataUnder(event, item);
    return show.call(this, handler, event, found, found === item ? value : found.tooltip);
  };
  wrapped.a2aWrapped = true;
  view.tooltip(wrapped);
  view.addEventListener("pointerup", (event, item) => {
    if (event.pointerType !== "touch" && event.pointerType !== "pen") return;
    const tap = new Proxy(event, { get: (target, key) => (key === "a2aTap" ? true : Reflect.get(target, key)) });
    const found = dataUnder(event, item);
    const value = found && found.tooltip !== undefined ? found.tooltip : null;
    figure.a2aTipShown = value !== null && value !== "";
    show.call(view, view._handler, tap, found, value);
  });
  return true;
}

// A tap outside every chart hides a tooltip that a tap opened.
if (!window.a2aTapWatch) {
  window.a2aTapWatch = true;
  document.addEventListener("pointerdown", (event) => {
    if (event.pointerType !== "touch" || (event.target.closest && event.target.closest(".a2a-chart svg"))) return;
    const tip = document.getElementById("vg-tooltip-element");
    if (tip) tip.classList.remove("visible");
  }, true);
}

// --- The toolbar -------------------------------------------------------------------------------

function button(doc, label, className) {
  const b = doc.createElement("button");
  b.type = "button";
  b.className = className;
  b.textContent = label;
  return b;
}

function say(figure, text) {
  const status = figure.querySelector(".a2a-tools-status");
  if (status) status.textContent = text;
}

function buildToolbar(figure) {
  const doc = figure.ownerDocument;
  const chart = figure.querySelector(".a2a-chart");
  const root = siteRoot();
  const sketch = /^fig-sketch-/.test(figure.id);
  const tools = doc.createElement("div");
  tools.className = "a2a-tools";
  tools.setAttribute("role", "toolbar");
  const title = figure.querySelector(".a2a-title");
  tools.setAttribute("aria-label", `Tools for: ${title ? title.textContent.trim() : "this chart"}`);
  const tableButton = button(doc, "Table", "a2a-tool a2a-tool-table");
  tableButton.setAttribute("aria-pressed", "false");
  tableButton.setAttribute("aria-controls", `${figure.id}-table`);
  tools.append(tableButton, button(doc, "Save as PNG", "a2a-tool a2a-tool-png"),
    button(doc, "Save as SVG", "a2a-tool a2a-tool-svg"));
  if (root) {
    tools.append(button(doc, "Copy link", "a2a-tool a2a-tool-link"));
    if (!sketch && !figure.closest(".a2a-figure-page-body")) {
      const page = doc.createElement("a");
      page.className = "a2a-tool a2a-tool-page";
      page.href = new URL(`figures/${bookId(figure)}.html`, root).href;
      page.textContent = "Figure page";
      tools.append(page);
    }
    if (!sketch) {
      const embed = doc.createElement("details");
      embed.className = "a2a-embed";
      const summary = doc.createElement("summary");
      summary.textContent = "Embed";
      const label = doc.createElement("label");
      label.textContent = "Paste this into a web page to show this figure:";
      const code = doc.createElement("textarea");
      code.readOnly = true;
      code.rows = 3;
      code.className = "a2a-embed-code";
      label.appendChild(code);
      embed.append(summary, label);
      tools.append(embed);
    }
  }
  const status = doc.createElement("span");
  status.className = "a2a-tools-status";
  status.setAttribute("role", "status");
  tools.append(status);
  const table = doc.createElement("div");
  table.className = "a2a-table-view";
  table.id = `${figure.id}-table`;
  table.hidden = true;
  table.tabIndex = 0;
  table.setAttribute("role", "region");
  table.setAttribute("aria-label", `Table of the numbers shown: ${title ? title.textContent.trim() : ""}`);
  chart.after(tools, table);
  // The static link is the full table; a second link, kept up to date, is the view's numbers.
  const full = figure.querySelector("a.a2a-download");
  if (full) {
    full.textContent = "Download the full data (CSV)";
    const shown = doc.createElement("a");
    shown.className = "a2a-download-shown";
    shown.download = `${bookId(figure)}-shown.csv`;
    shown.href = "data:text/csv;charset=utf-8,";
    shown.textContent = "Download the data shown (CSV)";
    full.before(shown, doc.createTextNode(" "));
  }
  // The title links to the figure itself.
  if (title && !title.querySelector("a.a2a-permalink")) {
    const link = doc.createElement("a");
    link.className = "a2a-permalink";
    link.href = `#${figure.id}`;
    link.title = "Link to this figure";
    link.append(...Array.from(title.childNodes));
    title.appendChild(link);
  }
  tools.addEventListener("click", (event) => onTool(figure, event));
  return tools;
}

async function onTool(figure, event) {
  const target = event.target.closest && event.target.closest("button.a2a-tool, summary");
  const view = a2aViews[figure.id];
  if (!target || !view) return;
  const name = bookId(figure);
  try {
    if (target.classList.contains("a2a-tool-table")) {
      const box = figure.querySelector(".a2a-table-view");
      box.hidden = !box.hidden;
      target.setAttribute("aria-pressed", String(!box.hidden));
      if (!box.hidden) refreshShown(figure, view);
    } else if (target.classList.contains("a2a-tool-png")) {
      say(figure, "Drawing the image…");
      saveFile(await figurePng(figure, view), `${name}.png`);
      say(figure, `Saved ${name}.png`);
    } else if (target.classList.contains("a2a-tool-svg")) {
      say(figure, "Drawing the image…");
      saveFile(new Blob([await figureSvg(figure, view)], { type: "image/svg+xml" }), `${name}.svg`);
      say(figure, `Saved ${name}.svg`);
    } else if (target.classList.contains("a2a-tool-link")) {
      const address = figureAddress(figure, view);
      try {
        await navigator.clipboard.writeText(address);
        say(figure, "Link copied.");
      } catch (err) {
        say(figure, `Copy this link: ${address}`);
      }
    } else if (target.tagName === "SUMMARY") {
      updateEmbed(figure, view);
    }
  } catch (err) {
    say(figure, "That did not work in this browser.");
    console.warn(`figure ${figure.id}: ${err}`);
  }
}

function updateEmbed(figure, view) {
  const code = figure.querySelector(".a2a-embed-code");
  const root = siteRoot();
  if (!code || !root) return;
  const state = encodeState(figure, view);
  const src = new URL(`figures/${bookId(figure)}.html`, root);
  if (state) src.search = `?${figure.id}=${state}`;
  const title = figure.querySelector(".a2a-title");
  code.value = `<iframe src="${escapeXml(src.href)}" title="${escapeXml(title ? title.textContent.trim() : "")}" `
    + 'width="100%" height="720" style="border:0" loading="lazy"></iframe>';
}

// Called by drawFigure for every drawing of a figure (first, after a theme change, a resize).
async function figureTools(figure, view) {
  const site = Boolean(siteRoot());
  const controls = boundControls(figure);
  if (!figure.a2aDefaults) {
    figure.a2aDefaults = Object.fromEntries(Array.from(controls.keys()).map((name) => [name, signalOf(view, name)]));
  }
  if (!figure.querySelector(".a2a-tools")) buildToolbar(figure);
  if (touchTooltips(figure, view)) await view.runAsync();
  // The address's state, once: when the figure is first drawn.
  if (site && !figure.a2aRestored) {
    figure.a2aRestored = true;
    const applied = await applyState(figure, view, stateInAddress(figure));
    if (window.location.hash === `#${figure.id}`) {
      requestAnimationFrame(() => figure.scrollIntoView({ block: "start" }));
    }
    figure.dataset.restored = applied ? "true" : "false";
  }
  let pending = 0;
  const changed = () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(async () => {
      await view.runAsync();
      if (site) writeAddress(figure, view);
      refreshShown(figure, view);
      updateEmbed(figure, view);
    });
  };
  for (const name of controls.keys()) {
    try { view.addSignalListener(name, changed); } catch (err) { /* not a top-level signal */ }
  }
  refreshShown(figure, view);
  updateEmbed(figure, view);
}
