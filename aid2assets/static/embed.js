// The book's figure script, for the site and for notebooks. vl-convert bundles this snippet
// with Vega, Vega-Lite and Vega-Embed into one ES module: no CDN, and as a module it is
// immune to RequireJS on pages that also carry widget state.
//
// Both surfaces use the same markup (aid2assets.figures.figure_html, written in Python) and
// the same drawing code below:
// * the site serves the bundle from its own _static folder; static/loader.js imports it when
//   a figure nears the viewport and calls window.a2aDrawFigure (set at the bottom) for it;
// * in JupyterLab and Notebook 7 the bundle is the _esm of an anywidget
//   (aid2assets.notebook): render() puts the figure's markup into the output and draws it.
//
// Each <figure class="a2a-figure"> holds its Vega-Lite spec as inert JSON. We draw it as SVG
// (readable by screen readers, crisp in print), keep the view for tests and scripts in
// window.a2aViews, and mark the figure data-rendered="true" (or "error") when done.

// In a notebook every figure loads its own copy of this module: they share one registry.
const a2aViews = (window.a2aViews = window.a2aViews || {});

const embedOptions = {
  renderer: "svg",
  // No "…" menu items: the figure's own toolbar (static/toolbar.js) saves citable images. An
  // actions object (not false) keeps Vega-Embed's chart wrapper, which holds the chart's text
  // alternative (role graphics-document); the empty menu is hidden (figures.css).
  actions: { export: false, source: false, compiled: false, editor: false },
};

// --- Dark mode: charts follow the page's theme ------------------------------------------------
// pydata-sphinx-theme sets data-theme="light" or "dark" on <html> (its switch offers light,
// dark and the system's setting). In dark mode every colour in a chart is swapped for its dark
// counterpart, and text, axes and background take the page's own colours. The table is
// aid2assets/theme.py DARK_COLOURS, filled in between the markers below by aid2assets/bundle.py
// (for the site and the notebook widget alike); it is written nowhere else. When the theme
// changes, the charts already drawn are drawn again with their controls' state.
const A2A_DARK_COLOURS = /* DARK_COLOURS */ {} /* end */;

// In JupyterLab and Notebook 7 the theme is on <body data-jp-theme-light="true|false">; VS Code
// marks the body of a notebook's output frame "vscode-dark" (untested here: no VS Code).
function pageIsDark() {
  if (document.documentElement.dataset.theme === "dark") return true;
  const body = document.body;
  return Boolean(body && (body.dataset.jpThemeLight === "false" || body.classList.contains("vscode-dark")));
}

function themeConfig() {
  const css = getComputedStyle(document.documentElement);
  const colour = (name, fallback) => css.getPropertyValue(name).trim() || fallback;
  const background = colour("--pst-color-background", "") || colour("--jp-layout-color0", "#121212");
  const text = colour("--pst-color-text-base", "") || colour("--jp-content-font-color1", "#ced6dd");
  const muted = colour("--pst-color-text-muted", "") || colour("--jp-content-font-color2", "#9ca4af");
  return {
    background,
    title: { color: text, subtitleColor: text },
    axis: { labelColor: text, titleColor: text, domainColor: muted, tickColor: muted, gridColor: "#2e2e2e" },
    legend: { labelColor: text, titleColor: text },
    text: { fill: text },
  };
}

function darkColour(text) {
  return text.replace(/#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b|^black$|^white$/g,
    (c) => A2A_DARK_COLOURS[c.toLowerCase()] ?? c);
}

// Inline data is data, not styling: only a value that is a whole colour of the table (the
// shading of era bands and timeline rows, drawn with scale: null) is swapped.
function swapDataColours(rows) {
  if (!Array.isArray(rows)) return rows;
  const swap = (v) => (typeof v === "string" && A2A_DARK_COLOURS[v.toLowerCase()]) || v;
  return rows.map((row) => (row && typeof row === "object"
    ? Object.fromEntries(Object.entries(row).map(([k, v]) => [k, swap(v)])) : row));
}

function swapColours(node, key) {
  if (key === "values") return swapDataColours(node);
  if (Array.isArray(node)) return node.map((v) => swapColours(v));
  if (node && typeof node === "object") {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, swapColours(v, k)]));
  }
  return typeof node === "string" ? darkColour(node) : node;
}

// No chart text under 10 CSS px, whatever a spec asks for (charts are never scaled down: see
// "Fitting the column" below, so the size in the spec is the size on the screen).
const MIN_FONT = 10;
function raiseFonts(node) {
  if (Array.isArray(node)) return node.forEach(raiseFonts);
  if (!node || typeof node !== "object") return;
  for (const [key, value] of Object.entries(node)) {
    if (/fontSize$/i.test(key)) {
      if (typeof value === "number" && value < MIN_FONT) node[key] = MIN_FONT;
      else if (value && typeof value.value === "number" && value.value < MIN_FONT) value.value = MIN_FONT;
    } else if (key !== "data" && key !== "values") raiseFonts(value);
  }
}

// Applied by Vega-Embed to the compiled Vega spec, just before it is parsed.
embedOptions.patch = (vgSpec) => {
  raiseFonts(vgSpec);
  if (!pageIsDark()) return vgSpec;
  const spec = swapColours(vgSpec);
  const dark = themeConfig();
  spec.background = dark.background;
  spec.config = spec.config || {};
  for (const [group, values] of Object.entries(dark)) {
    spec.config[group] = typeof values === "object" ? { ...(spec.config[group] || {}), ...values } : values;
  }
  return spec;
};

async function redraw(figure) {
  if (figure.dataset.rendered === "pending") {
    setTimeout(() => redraw(figure), 200);
    return;
  }
  if (figure.dataset.rendered !== "true") return;  // not drawn yet: it gets the theme when it is
  const old = a2aViews[figure.id];
  let state = null;
  // Controls, selections and changed data carry over; the background is the theme's own and
  // the sizes (and the "narrow" switch) are the new layout's.
  const carried = (name) => !/^(background|width|height|padding|autosize|narrow)$|_(width|height)$/.test(name);
  try { state = old.getState({ signals: carried }); } catch (err) { state = null; }
  if (old) old.finalize();
  delete figure.dataset.rendered;
  await drawFigure(figure);
  const view = a2aViews[figure.id];
  if (state && view && view !== old) {
    try { await view.setState(state).runAsync(); } catch (err) { /* a fresh default state */ }
  }
}

let a2aDrawnDark = pageIsDark();
const themeWatch = new MutationObserver(() => {
  if (pageIsDark() === a2aDrawnDark) return;
  a2aDrawnDark = pageIsDark();
  document.querySelectorAll("figure.a2a-figure").forEach(redraw);
});
themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
if (document.body) themeWatch.observe(document.body, { attributes: true, attributeFilter: ["data-jp-theme-light"] });

// --- Fitting the column ---------------------------------------------------------------------
// A chart is laid out for the width it gets, never scaled down (scaling would shrink its text
// and misplace a brush under the pointer). It is drawn as its spec says; if that is wider
// than its box, it is drawn again narrower: a single or layered chart with Vega-Lite's
// "fit-x" sizing at the box's width, a stacked (vconcat) chart with each row narrowed by the
// overflow (Vega-Lite cannot fit a stacked chart). Below NARROW px the chart also gets its
// narrow layout: legends above the plot in as many columns as fit, and the parameter
// "narrow" set to true for charts that declare it (alt.param(name="narrow", value=False)),
// so that a chart can thin or shorten its own labels. When the box
// changes width (a phone turned, a window resized, a folded solution opened) the chart is
// laid out again, keeping its controls' state.
const NARROW = 560;
const MENU_ROOM = 38;        // px: vega-embed's stylesheet keeps this beside a chart with a menu
const LEGEND_COLUMN = 150;   // px per legend column when legends sit above the plot
const MIN_PLOT = 100;        // px: a fitted plot narrower than this is a layout to fix
const LEGEND_CHANNELS = ["color", "fill", "stroke", "shape", "size", "opacity", "strokeDash"];

// A box of 0 px (not yet in the page's layout) is not narrow: it is not laid out at all.
function isNarrow(width) {
  return width > 0 && width < NARROW;
}

function boxWidth(target) {
  return Math.floor(target.getBoundingClientRect().width);
}

function eachView(spec, visit) {
  visit(spec);
  for (const key of ["layer", "vconcat", "hconcat", "concat"]) {
    (spec[key] || []).forEach((child) => eachView(child, visit));
  }
  if (spec.spec) eachView(spec.spec, visit);
}

function setNarrowParam(spec, narrow) {
  eachView(spec, (view) => (view.params || []).forEach((p) => {
    if (p.name === "narrow" && !p.select) p.value = narrow;
  }));
}

// Room a legend above the plot may take: the box less the y axis's labels (about AXIS_ROOM).
const AXIS_ROOM = 120;

function legendsAbove(spec, width) {
  const room = Math.max(LEGEND_COLUMN, width - MENU_ROOM - AXIS_ROOM);
  const columns = Math.max(1, Math.floor(room / LEGEND_COLUMN));
  const labelLimit = Math.floor(room / columns) - 30;
  eachView(spec, (view) => {
    for (const channel of LEGEND_CHANNELS) {
      const def = view.encoding && view.encoding[channel];
      if (!def || def.legend === null || !(def.field || def.condition)) continue;
      const legend = (def.legend = { ...(def.legend || {}) });
      if (legend.orient === "none") continue;
      legend.orient = "top";
      legend.direction = "horizontal";
      if (legend.columns === undefined) legend.columns = columns;
      if (legend.labelLimit === undefined) legend.labelLimit = labelLimit;
    }
  });
  spec.config = { ...(spec.config || {}), legend: { ...((spec.config || {}).legend || {}), orient: "top" } };
}

// A chart whose height is a step per category (set, or Vega-Lite's default for a y axis of
// categories).
function stepHeight(spec) {
  if (spec.height && typeof spec.height === "object" && "step" in spec.height) return true;
  if (spec.height !== undefined) return false;
  let banded = false;
  eachView(spec, (view) => {
    const y = view.encoding && view.encoding.y;
    if (y && (y.type === "nominal" || y.type === "ordinal")) banded = true;
  });
  return banded;
}

function isConcat(spec) {
  return Boolean(spec.vconcat || spec.hconcat || spec.concat);
}

// The spec for a box `width` px wide. `over` is how far the last drawing overflowed the box
// and `pad` the room Vega-Embed keeps beside the chart (for its menu button).
function layoutFor(spec, width, over, pad) {
  const laid = JSON.parse(JSON.stringify(spec));
  const narrow = isNarrow(width);
  setNarrowParam(laid, narrow);
  if (narrow) legendsAbove(laid, width);
  if (!over) return laid;
  const fallback = ((laid.config || {}).view || {}).continuousWidth || 600;
  if (!isConcat(laid)) {
    const own = typeof laid.width === "number" ? laid.width : fallback;
    if (stepHeight(laid)) {
      // Vega-Lite would warn that it cannot also fit a height set per category: narrow the
      // plot by the overflow instead (its axes and labels do not depend on its width).
      laid.width = Math.max(MIN_PLOT, own - over);
      scalePixelX(laid, own, (share) => Math.round(laid.width * share));
    } else {
      laid.width = width - pad;
      // resize: the layout is computed again when a control brings longer labels
      laid.autosize = { type: "fit-x", contains: "padding", resize: true };
      scalePixelX(laid, own, (share) => ({ expr: `width * ${share}` }));
    }
    (laid.layer || []).forEach((child) => delete child.width);
  } else {
    const rows = laid.vconcat || laid.concat || laid.hconcat;
    const share = laid.hconcat ? rows.length : 1;
    rows.forEach((row) => {
      const own = typeof row.width === "number" ? row.width : fallback;
      row.width = Math.max(120, own - Math.ceil(over / share));
      (row.layer || []).forEach((child) => delete child.width);
      scalePixelX(row, own, (part) => Math.round(row.width * part));
    });
  }
  return laid;
}

// A mark placed at a pixel position (a label at x: 600, the right end of a 600 px plot) was
// placed for the plot's declared width: in a narrower plot it keeps its share of the width.
function scalePixelX(spec, declared, place) {
  const scaled = (v) => (typeof v === "number" ? place(v / declared) : v);
  eachView(spec, (view) => {
    if (view.mark && typeof view.mark === "object") {
      for (const key of ["x", "x2"]) if (key in view.mark) view.mark[key] = scaled(view.mark[key]);
    }
    for (const key of ["x", "x2"]) {
      const def = view.encoding && view.encoding[key];
      if (def && typeof def.value === "number") def.value = scaled(def.value);
    }
  });
}

// Vega-Embed draws into the chart box itself (it becomes div.vega-embed): the chart's width
// is its SVG's plus the room the box keeps beside it (for the menu button).
function drawnWidth(target) {
  // (no menu, no .chart-wrapper: Vega-Embed then draws straight into the box)
  const svg = target.querySelector(":scope > .chart-wrapper > svg, :scope > .chart-wrapper > canvas, :scope > svg, :scope > canvas");
  return svg ? Math.ceil(svg.getBoundingClientRect().width + embedPadding(target)) : 0;
}

function embedPadding(target) {
  const css = getComputedStyle(target);
  return Math.ceil(parseFloat(css.paddingLeft) + parseFloat(css.paddingRight)) || 0;
}

export async function drawFigure(figure) {
  const target = figure.querySelector(".a2a-chart");
  const specNode = figure.querySelector("script.a2a-spec");
  if (!target || !specNode || figure.dataset.rendered) return undefined;
  figure.dataset.rendered = "pending";
  try {
    const spec = JSON.parse(specNode.textContent);
    const width = boxWidth(target);
    // A single or layered chart whose plot alone is as wide as the box is fitted at once
    // (one drawing, not two, on a phone); MENU_ROOM is Vega-Embed's room for its menu button.
    const plotWidth = typeof spec.width === "number" ? spec.width : null;
    let over = !isConcat(spec) && plotWidth !== null && width > 0 && plotWidth >= width - MENU_ROOM ? 1 : 0;
    let pad = MENU_ROOM;
    let result = null;
    let last = Infinity;
    // At most three drawings: as specified, fitted, and fitted again if a row still overflowed.
    // A row that narrowing does not make narrower (long text marks set in pixels) is left as it
    // was: its chart has to lay such text out for a narrow box itself (the "narrow" param).
    for (let attempt = 0; attempt < 3; attempt += 1) {
      if (result) result.view.finalize();
      result = await vegaEmbed(target, layoutFor(spec, width, over, pad), embedOptions);
      pad = embedPadding(target);
      const drawn = drawnWidth(target);
      if (width <= 0 || drawn <= width) break;
      if (drawn >= last - 1) {
        result.view.finalize();
        result = await vegaEmbed(target, layoutFor(spec, width, 0, pad), embedOptions);
        console.warn(`figure ${figure.id} does not fit ${width} px: lay out its wide parts for a narrow box`);
        break;
      }
      last = drawn;
      over += drawn - width + 2;   // 2 px to spare: sizes in Vega are fractional
    }
    // For tests and scripts: the box width laid out for, and a single chart's plot width.
    figure.dataset.layoutWidth = String(width);
    figure.dataset.drawnWidth = String(drawnWidth(target));
    figure.dataset.fitted = over ? "true" : "false";
    if (!isConcat(spec)) {
      const plot = result.view.width();
      figure.dataset.plotWidth = String(plot);
      if (over && plot < MIN_PLOT) {
        console.warn(`figure ${figure.id}: fitted to ${width} px its plot is ${plot} px wide: lay out its labels for a narrow box`);
      }
    }
    a2aViews[figure.id] = result.view;
    // The figure's tools (static/toolbar.js): before labelBindings, as they may redraw the SVG.
    try { await figureTools(figure, result.view); } catch (err) { console.error(`figure ${figure.id}: its tools failed:`, err); }
    labelBindings(figure, target);
    dateSliders(target, result.view, spec);
    watchWidth(figure, target);
    figure.dataset.rendered = "true";
    return result.view;
  } catch (err) {
    figure.dataset.rendered = "error";
    target.textContent = "This chart could not be drawn. Its data can still be downloaded below.";
    console.error(`figure ${figure.id} failed to render:`, err);
    return undefined;
  }
}

const resizeWatch = typeof ResizeObserver === "undefined" ? null : new ResizeObserver((entries) => {
  for (const entry of entries) {
    const figure = entry.target.closest("figure.a2a-figure");
    if (!figure || figure.dataset.rendered !== "true") continue;
    const width = boxWidth(entry.target);
    if (Math.abs(width - Number(figure.dataset.layoutWidth || 0)) < 4) continue;
    // A chart drawn as specified that still fits, on the same side of NARROW, keeps its drawing
    // (a scrollbar appearing in a notebook does not redraw every chart and reset its controls).
    if (figure.dataset.fitted === "false" && Number(figure.dataset.drawnWidth) <= width
        && isNarrow(Number(figure.dataset.layoutWidth)) === isNarrow(width)) {
      figure.dataset.layoutWidth = String(width);
      continue;
    }
    clearTimeout(figure.a2aResize);
    figure.a2aResize = setTimeout(() => redraw(figure), 150);
  }
});

function watchWidth(figure, target) {
  if (resizeWatch && !figure.a2aWatched) {
    resizeWatch.observe(target);
    figure.a2aWatched = true;
  }
}

// A slider over days can show its day as a date: a chart whose spec carries
// usermeta {"a2a": {"dateSliders": {"<param>": "2025-01-01"}}} has that param's slider read
// "10 Aug 2025" (the origin plus the slider's value in days) instead of "221", for sight and
// for screen readers (aria-valuetext), however the value changes.
function dateSliders(target, view, spec) {
  const sliders = ((spec.usermeta || {}).a2a || {}).dateSliders || {};
  for (const [name, origin] of Object.entries(sliders)) {
    const input = target.querySelector(`.vega-bindings input[type="range"][name="${name}"]`);
    if (!input) continue;
    const shown = input.nextElementSibling;
    const show = (value) => {
      const day = new Date(`${origin}T00:00:00Z`);
      day.setUTCDate(day.getUTCDate() + Number(value));
      const text = day.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
      if (shown) shown.textContent = text;
      input.setAttribute("aria-valuetext", text);
    };
    show(input.value);
    // after Vega's own listeners, which write the number on both events
    input.addEventListener("input", () => show(input.value));
    input.addEventListener("change", () => show(input.value));
    view.addSignalListener(name, (_, value) => show(value));
  }
}

// Vega-Embed writes each bound control inside a <label>; name the group after the chart so
// that assistive technology announces which chart the controls belong to, and give the
// export menu's icon-only button a name.
function labelBindings(figure, target) {
  const title = figure.querySelector(".a2a-title");
  const bindings = target.querySelector(".vega-bindings");
  if (bindings && title) bindings.setAttribute("aria-label", `Controls for: ${title.textContent}`);
  // An interval selection draws two unlabelled rectangles (the brush and its background);
  // they repeat what the chart's controls and summary say, so screen readers skip them.
  target.querySelectorAll("g.role-mark[class$='_brush'], g.role-mark[class$='_brush_bg']")
    .forEach((g) => g.setAttribute("aria-hidden", "true"));
  const menu = target.querySelector(".vega-actions-wrapper summary, details > summary");
  if (menu) menu.setAttribute("aria-label", "Save this chart as an image");
}

// --- In a notebook: the anywidget view (aid2assets.notebook.FigureView) ----------------------
// The model's "html" is the figure's markup, made by the same Python function as the site's;
// its data download is embedded as a data: URI.
function render({ model, el }) {
  el.classList.add("a2a-notebook-figure");
  // Keys pressed on a control (arrows on a slider, Space on a radio button) belong to it,
  // not to JupyterLab's notebook shortcuts, which would move to another cell instead.
  el.dataset.lmSuppressShortcuts = "true";
  el.addEventListener("keydown", (event) => {
    if (event.target.closest && event.target.closest(".vega-bindings")) event.stopPropagation();
  });
  el.innerHTML = model.get("html");
  const figure = el.querySelector("figure.a2a-figure");
  if (figure) drawFigure(figure);
  return () => {
    if (figure && a2aViews[figure.id]) {
      a2aViews[figure.id].finalize();
      delete a2aViews[figure.id];
    }
  };
}

export default { render };  // anywidget's entry point

// --- On the site: when to draw ----------------------------------------------------------------
// On the site, loader.js decides when each figure is drawn (as it nears the viewport) and
// imports this bundle then; it calls this function for each figure.
window.a2aDrawFigure = drawFigure;
