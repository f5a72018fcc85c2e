"""Small, accessible line charts as inline SVG, for the explorers' widgets.

The explorers redraw their chart on every change of a control. Rendering a Vega-Lite spec
with vl-convert costs 70-100 ms a time on the development machine; writing the SVG by hand
costs well under a millisecond. The chart is deliberately simple: axes with tick labels, a
grid, one polyline (with a dot per value) for each series, a legend, and a ``<title>`` and a
``<desc>`` (the text alternative, generated from the data) read by screen readers.

The output is deterministic: the same input gives the same string, byte for byte.
"""

from __future__ import annotations

import hashlib
import html
import math
from dataclasses import dataclass
from typing import Callable, Sequence

from .. import theme

FONT = html.escape(theme.FONT, quote=True)
TEXT = "#333333"
GRID = "#dddddd"
AXIS = "#888888"


@dataclass(frozen=True)
class Series:
    """One line: its legend name, colour, and the x and y values (same length)."""

    name: str
    color: str
    x: Sequence[float]
    y: Sequence[float]


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering ``low``-``high`` (steps of 1, 2 or 5 times a power of ten)."""
    if not (math.isfinite(low) and math.isfinite(high)):
        raise ValueError(f"tick range must be finite, got {low!r}-{high!r}")
    if high < low:
        low, high = high, low
    if high == low:
        pad = abs(low) * 0.1 or 1.0
        low, high = low - pad, high + pad
    raw = (high - low) / max(count, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    first = math.floor(low / step + 1e-9) * step
    last = math.ceil(high / step - 1e-9) * step
    n = int(round((last - first) / step))
    return [round(first + i * step, 10) + 0.0 for i in range(n + 1)]


def _label(value: float, step: float) -> str:
    decimals = max(0, -math.floor(math.log10(step) + 1e-9)) if step < 1 else 0
    text = f"{value:,.{decimals}f}"
    return "−" + text[1:] if text.startswith("-") else text   # a true minus sign


def _num(value: float) -> str:
    return f"{value:.1f}"


def line_chart(series: Sequence[Series], *, title: str, description: str, x_title: str, y_title: str,
               x_format: Callable[[float], str] = lambda v: f"{v:.0f}", width: int = 560,
               height: int = 260) -> str:
    """An inline ``<svg role="img">`` line chart of ``series``.

    ``title`` names the chart; ``description`` is its text alternative (what it shows and its
    main pattern). Axis titles carry the units. A horizontal line marks zero when the values
    cross it.
    """
    left, right, top, bottom = 64, 16, 34, 44
    legend_rows = 1 if series else 0
    full_height = height + top + bottom + 18 * legend_rows
    xs = [float(v) for s in series for v in s.x]
    ys = [float(v) for s in series for v in s.y]
    key = hashlib.sha1(f"{title}|{description}|{xs}|{ys}".encode()).hexdigest()[:10]
    ids = f"a2a-svg-{key}"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{ids}-t {ids}-d" '
        f'width="{width + left + right}" height="{full_height}" '
        f'viewBox="0 0 {width + left + right} {full_height}" font-family="{FONT}" font-size="11" '
        f'style="max-width:100%;height:auto">',
        f'<title id="{ids}-t">{html.escape(title)}</title>',
        f'<desc id="{ids}-d">{html.escape(description)}</desc>',
        f'<text x="{left}" y="16" font-size="13" font-weight="bold" fill="{TEXT}">{html.escape(title)}</text>',
    ]
    if not xs:
        parts.append(f'<text x="{left}" y="{top + height / 2:.0f}" fill="{TEXT}">No data for this choice.</text>')
        return "".join(parts) + "</svg>"

    x_low, x_high = min(xs), max(xs)
    if x_low == x_high:
        x_low, x_high = x_low - 1, x_high + 1
    x_ticks = nice_ticks(x_low, x_high, count=min(10, max(1, int(x_high - x_low))))
    y_ticks = nice_ticks(min(0.0, min(ys)), max(0.0, max(ys)))
    x0, x1, y0, y1 = x_ticks[0], x_ticks[-1], y_ticks[0], y_ticks[-1]
    px = lambda v: left + (v - x0) / (x1 - x0) * width          # noqa: E731
    py = lambda v: top + height - (v - y0) / (y1 - y0) * height  # noqa: E731
    y_step = y_ticks[1] - y_ticks[0]

    parts.append('<g aria-hidden="true">')
    for t in y_ticks:   # grid and y tick labels
        y = _num(py(t))
        stroke = AXIS if t == 0 else GRID
        parts.append(f'<line x1="{left}" x2="{left + width}" y1="{y}" y2="{y}" stroke="{stroke}"/>')
        parts.append(f'<text x="{left - 6}" y="{y}" dy="0.32em" text-anchor="end" fill="{TEXT}">'
                     f'{_label(t, y_step)}</text>')
    base = _num(top + height)
    parts.append(f'<line x1="{left}" x2="{left + width}" y1="{base}" y2="{base}" stroke="{AXIS}"/>')
    for t in x_ticks:
        x = _num(px(t))
        parts.append(f'<line x1="{x}" x2="{x}" y1="{base}" y2="{top + height + 5}" stroke="{AXIS}"/>')
        parts.append(f'<text x="{x}" y="{top + height + 17}" text-anchor="middle" fill="{TEXT}">'
                     f'{html.escape(x_format(t))}</text>')
    parts.append(f'<text x="{left + width / 2:.0f}" y="{top + height + 34}" text-anchor="middle" '
                 f'font-weight="bold" fill="{TEXT}">{html.escape(x_title)}</text>')
    parts.append(f'<text transform="translate(14 {top + height / 2:.0f}) rotate(-90)" text-anchor="middle" '
                 f'font-weight="bold" fill="{TEXT}">{html.escape(y_title)}</text>')
    for s in series:
        points = " ".join(f"{_num(px(float(a)))},{_num(py(float(b)))}" for a, b in zip(s.x, s.y))
        parts.append(f'<polyline fill="none" stroke="{s.color}" stroke-width="2" points="{points}"/>')
        parts.extend(f'<circle cx="{_num(px(float(a)))}" cy="{_num(py(float(b)))}" r="2.5" fill="{s.color}"/>'
                     for a, b in zip(s.x, s.y))
    # Legend, in one row under the x-axis title.
    x, y = left, top + height + bottom + 8
    for s in series:
        parts.append(f'<line x1="{x}" x2="{x + 18}" y1="{y}" y2="{y}" stroke="{s.color}" stroke-width="3"/>')
        parts.append(f'<text x="{x + 24}" y="{y}" dy="0.32em" fill="{TEXT}">{html.escape(s.name)}</text>')
        x += 40 + 7 * len(s.name)
    parts.append("</g></svg>")
    return "".join(parts)


def describe_series(series: Sequence[Series], unit: str, x_format: Callable[[float], str] = lambda v: f"{v:.0f}",
                    value_format: str = ",.1f") -> str:
    """One sentence per series: its range of x, its first and last value, and its highest point."""
    sentences = []
    for s in series:
        if len(s.x) == 0:
            sentences.append(f"{s.name}: no values.")
            continue
        pairs = list(zip(s.x, s.y))
        if len(pairs) == 1:
            sentences.append(f"{s.name}: {pairs[0][1]:{value_format}} {unit} in {x_format(pairs[0][0])}.")
            continue
        peak_x, peak_y = max(pairs, key=lambda p: p[1])
        low_x, low_y = min(pairs, key=lambda p: p[1])
        sentences.append(
            f"{s.name}, {x_format(pairs[0][0])}–{x_format(pairs[-1][0])}: {pairs[0][1]:{value_format}} "
            f"to {pairs[-1][1]:{value_format}} {unit}; highest {peak_y:{value_format}} in {x_format(peak_x)}, "
            f"lowest {low_y:{value_format}} in {x_format(low_x)}.")
    return " ".join(sentences)
