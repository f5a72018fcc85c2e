// The book's figure loader. vl-convert bundles this snippet with Vega, Vega-Lite and
// Vega-Embed into one ES module served from the site's own _static folder: no CDN, and as a
// module it is immune to RequireJS on pages that also carry widget state.
//
// Each <figure class="a2a-figure"> holds its Vega-Lite spec as inert JSON. We draw it as SVG
// (readable by screen readers, crisp in print), keep the view for tests and scripts in
// window.a2aViews, and mark the figure data-rendered="true" (or "error") when done.
const a2aViews = {};
window.a2aViews = a2aViews;

const embedOptions = {
  renderer: "svg",
  actions: { export: true, source: false, compiled: false, editor: false },
  i18n: { PNG_ACTION: "Save as PNG image", SVG_ACTION: "Save as SVG image" },
};

async function drawFigure(figure) {
  const target = figure.querySelector(".a2a-chart");
  const specNode = figure.querySelector("script.a2a-spec");
  if (!target || !specNode || figure.dataset.rendered) return;
  figure.dataset.rendered = "pending";
  try {
    const spec = JSON.parse(specNode.textContent);
    const result = await vegaEmbed(target, spec, embedOptions);
    a2aViews[figure.id] = result.view;
    if (hasIntervalSelection(spec)) figure.classList.add("a2a-exact-size");
    labelBindings(figure, target);
    figure.dataset.rendered = "true";
  } catch (err) {
    figure.dataset.rendered = "error";
    target.textContent = "This chart could not be drawn. Its data can still be downloaded below.";
    console.error(`figure ${figure.id} failed to render:`, err);
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

// On the site, loader.js decides when each figure is drawn (as it nears the viewport) and
// imports this bundle then; it calls this function for each figure.
window.a2aDrawFigure = drawFigure;
