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
  actions: { export: true, source: false, compiled: false, editor: false },
  i18n: { PNG_ACTION: "Save as PNG image", SVG_ACTION: "Save as SVG image" },
};

// --- Dark mode: charts follow the page's theme ------------------------------------------------
// pydata-sphinx-theme sets data-theme="light" or "dark" on <html> (its switch offers light,
// dark and the system's setting). In dark mode every colour in a chart is swapped for its dark
// counterpart, and text, axes and background take the page's own colours. The table mirrors
// aid2assets/theme.py DARK_COLOURS (tests/test_colours.py checks that they are equal). When
// the theme changes, the charts already drawn are drawn again with their controls' state.
const A2A_DARK_COLOURS = /* DARK_COLOURS */ {"#0072b2": "#5a8fe6", "#767676": "#b0b0b0", "#000000": "#e6e6e6", "#9a9a9a": "#7a7a7a", "#bbbbbb": "#7a7a7a", "#bdbdbd": "#7a7a7a", "#222": "#e6e6e6", "#333": "#d6d6d6", "#333333": "#d6d6d6", "#444": "#c8c8c8", "#444444": "#c8c8c8", "#555": "#b8b8b8", "#555555": "#b8b8b8", "#b34400": "#ff8c42", "#cfcfcf": "#666666", "#d9d9d9": "#333333", "#e5e5e5": "#2e2e2e", "#e6e6e6": "#2a2a2a", "#f2f2f2": "#1e1e1e", "#dcdcdc": "#2e2e2e", "#f0f0f0": "#1f1f1f", "#f5d9a8": "#4a3a1e", "black": "#e6e6e6"} /* end */;

function pageIsDark() {
  return document.documentElement.dataset.theme === "dark";
}

function themeConfig() {
  const css = getComputedStyle(document.documentElement);
  const colour = (name, fallback) => css.getPropertyValue(name).trim() || fallback;
  const background = colour("--pst-color-background", "#121212");
  const text = colour("--pst-color-text-base", "#ced6dd");
  const muted = colour("--pst-color-text-muted", "#9ca4af");
  return {
    background,
    title: { color: text, subtitleColor: text },
    axis: { labelColor: text, titleColor: text, domainColor: muted, tickColor: muted, gridColor: "#2e2e2e" },
    legend: { labelColor: text, titleColor: text },
    text: { fill: text },
  };
}

function darkColour(text) {
  return text.replace(/#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b|^black$/g,
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

// Applied by Vega-Embed to the compiled Vega spec, just before it is parsed.
embedOptions.patch = (vgSpec) => {
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

async function redrawForTheme(figure) {
  if (figure.dataset.rendered === "pending") {
    setTimeout(() => redrawForTheme(figure), 200);
    return;
  }
  if (figure.dataset.rendered !== "true") return;  // not drawn yet: it gets the theme when it is
  const old = a2aViews[figure.id];
  let state = null;
  // Controls, selections and changed data carry over; "background" is the theme's own.
  try { state = old.getState({ signals: (name) => name !== "background" }); } catch (err) { state = null; }
  if (old) old.finalize();
  delete figure.dataset.rendered;
  await drawFigure(figure);
  const view = a2aViews[figure.id];
  if (state && view && view !== old) {
    try { await view.setState(state).runAsync(); } catch (err) { /* a fresh default state */ }
  }
}

let a2aDrawnDark = pageIsDark();
new MutationObserver(() => {
  if (pageIsDark() === a2aDrawnDark) return;
  a2aDrawnDark = pageIsDark();
  document.querySelectorAll("figure.a2a-figure").forEach(redrawForTheme);
}).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });

export async function drawFigure(figure) {
  const target = figure.querySelector(".a2a-chart");
  const specNode = figure.querySelector("script.a2a-spec");
  if (!target || !specNode || figure.dataset.rendered) return undefined;
  figure.dataset.rendered = "pending";
  try {
    const spec = JSON.parse(specNode.textContent);
    const result = await vegaEmbed(target, spec, embedOptions);
    a2aViews[figure.id] = result.view;
    if (hasIntervalSelection(spec)) figure.classList.add("a2a-exact-size");
    labelBindings(figure, target);
    figure.dataset.rendered = "true";
    return result.view;
  } catch (err) {
    figure.dataset.rendered = "error";
    target.textContent = "This chart could not be drawn. Its data can still be downloaded below.";
    console.error(`figure ${figure.id} failed to render:`, err);
    return undefined;
  }
}

// Vega maps pointer positions to data without allowing for CSS scaling, so a brush drawn on
// a chart that has been shrunk to fit the column would select the wrong range. Charts with
// an interval selection are therefore kept at their own size (they scroll when too wide).
function hasIntervalSelection(spec) {
  return /"select":("interval"|\{[^{}]*"type":"interval")/.test(JSON.stringify(spec));
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
