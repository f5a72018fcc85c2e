"""Shared by the figure-fit tests and benchmarks/measure_figures.py: how a drawn figure is measured."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VIEWPORTS = {"phone": (390, 844), "laptop": (1366, 900)}

# Per figure: the chart box's width, the drawn width (the chart and its controls, with the room
# for the menu button), the chart's own (SVG) width, a single or layered chart's plot width (null for stacked charts), whether the box
# scrolls sideways, and the smallest SVG text (CSS px).
FIT_JS = """() => Array.from(document.querySelectorAll('figure.a2a-figure[data-rendered="true"]')).map((f) => {
  const box = f.querySelector('.a2a-chart');
  const svg = box.querySelector('svg.marks');
  const sizes = Array.from(svg.querySelectorAll('text'))
    .filter((t) => t.textContent.trim() && t.getClientRects().length)
    .map((t) => parseFloat(getComputedStyle(t).fontSize) * (svg.getBoundingClientRect().width / (svg.width.baseVal.value || 1)));
  const boxRect = box.getBoundingClientRect();
  // the chart and its controls, plus the room the box keeps at its right for the menu button
  const parts = [svg, box.querySelector('.vega-bindings')].filter(Boolean);
  const right = Math.max(...parts.map((e) => e.getBoundingClientRect().right)) + parseFloat(getComputedStyle(box).paddingRight);
  return { id: f.id, box: Math.round(boxRect.width), drawn: Math.round(right - boxRect.left),
           chart: Math.round(svg.getBoundingClientRect().width),
           plot: f.dataset.plotWidth ? Number(f.dataset.plotWidth) : null,
           scrolls: box.scrollWidth > box.clientWidth + 1,
           minFont: sizes.length ? Math.round(Math.min(...sizes) * 10) / 10 : null };
})"""

# embed.js gives charts their narrow layout in boxes narrower than this (NARROW there).
NARROW_BELOW = 560
# A plot squeezed narrower than this by its labels and legends is not a chart a reader can use.
MIN_PLOT = 100

# Per figure whose chart declares the "narrow" param: its box's width and the param's value.
NARROW_JS = """() => Object.entries(window.a2aViews || {}).flatMap(([id, view]) => {
  let value;
  try { value = view.signal('narrow'); } catch (err) { return []; }
  const box = document.querySelector(`#${id} .a2a-chart`).getBoundingClientRect().width;
  return [[id, Math.floor(box), value]];
})"""

PAGE_WIDTH_JS = "() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth })"


def chapter_pages(names=None):
    """The site path of every chapter with figures (or of the chapters named)."""
    from aid2assets.figures import stored_figures

    found = []
    for nb in sorted((REPO / "chapters").glob("*.ipynb")):
        if names and nb.stem not in names:
            continue
        if stored_figures(nb):
            found.append(f"chapters/{nb.stem}.html")
    return found


def draw_all(page):
    """Open the solutions that hold figures and draw every figure on the page."""
    page.eval_on_selector_all(
        ".admonition.toggle-hidden",
        "els => els.filter(e => e.querySelector('figure.a2a-figure'))"
        ".forEach(e => e.querySelector('button.toggle-button').click())")
    page.wait_for_function("typeof window.a2aDrawAll === 'function'", timeout=20_000)
    page.evaluate("async () => { await window.a2aDrawAll(); }")
    page.wait_for_function(
        "Array.from(document.querySelectorAll('figure.a2a-figure')).every(f => ['true', 'error'].includes(f.dataset.rendered))",
        timeout=30_000)
    page.wait_for_timeout(400)  # a layout pass after solutions open
