// The book's figure script, for the site and for notebooks. vl-convert bundles this snippet
// with Vega, Vega-Lite and Vega-Embed into one ES module: no CDN, and as a module it is
// immune to RequireJS on pages that also carry widget state.
//
// Both surfaces use the same markup (aid2assets.figures.figure_html, written in Python) and
// the same drawing code below:
// * the site serves the bundle from its own _static folder and loads it as a module on pages
//   with figures; drawWhenReady() at the bottom decides when each figure is drawn;
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
function drawAll() {
  document.querySelectorAll("figure.a2a-figure").forEach(drawFigure);
}

function drawWhenReady() {
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
}

drawWhenReady();
