// When the site starts drawing charts. A small deferred script on every page with a figure:
// after the page has loaded (its text is painted), it watches each <figure class="a2a-figure">
// and, as one comes within about a screen of the viewport, imports the Vega bundle
// (figures.js beside this file, the book's own copy: no CDN), fetches the figure's spec if
// the page only names its file (<script class="a2a-spec" data-src=...>), and asks the bundle
// to draw it. Figures folded inside a closed solution have no box in view, so they are drawn
// when opened; a page printed from the browser gets every chart drawn first.
(() => {
  const figures = Array.from(document.querySelectorAll("figure.a2a-figure"));
  if (!figures.length) return;
  const bundleUrl = new URL("figures.js", document.currentScript.src).href;
  let bundle = null;
  const load = () => (bundle ||= import(bundleUrl).then(() => window.a2aDrawFigure));

  async function fetchSpec(figure) {
    const node = figure.querySelector("script.a2a-spec[data-src]");
    if (!node || node.textContent) return;
    const response = await fetch(new URL(node.dataset.src, document.baseURI));
    if (!response.ok) throw new Error(`${node.dataset.src}: HTTP ${response.status}`);
    node.textContent = await response.text();
  }

  const drawing = new Map();
  function draw(figure) {
    if (!drawing.has(figure)) {
      drawing.set(figure, Promise.all([load(), fetchSpec(figure)])
        .then(([drawFigure]) => drawFigure(figure))
        .catch((err) => {
          figure.dataset.rendered = "error";
          console.error(`figure ${figure.id} could not be loaded:`, err);
        }));
    }
    return drawing.get(figure);
  }
  // For scripts and tests: draw every figure now, whether or not it is in view.
  window.a2aDrawAll = () => Promise.all(figures.map(draw));
  window.addEventListener("beforeprint", () => window.a2aDrawAll());

  function watch() {
    if (!("IntersectionObserver" in window)) return window.a2aDrawAll();
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        draw(entry.target);
      }
    }, { rootMargin: "100% 0px" });
    figures.forEach((figure) => observer.observe(figure));
  }

  // Never before the text is painted: wait for the load event, then for the next frame.
  const start = () => requestAnimationFrame(() => setTimeout(watch, 0));
  if (document.readyState === "complete") start();
  else window.addEventListener("load", start, { once: true });
})();

// Code that scrolls sideways must be reachable by keyboard. The theme gives a tab stop to each
// scrolling code block it sees when the page loads (and when the window is resized); a block
// inside a folded solution only scrolls once the solution is opened, so it gets its stop then.
(() => {
  const addTabStops = () => document.querySelectorAll("div.highlight pre").forEach((pre) => {
    if (pre.scrollWidth > pre.clientWidth) pre.tabIndex = 0;   // the theme set -1 while it was hidden
  });
  document.addEventListener("click", (event) => {
    if (event.target.closest && event.target.closest("button.toggle-button, summary")) {
      setTimeout(addTabStops, 400);  // after the toggle's opening animation
    }
  });
})();
