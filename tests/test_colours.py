"""Colours in every stored chart: categories stay apart under colour-vision deficiency, and
text drawn in a colour is readable on white.

Simulation: Machado, Oliveira and Fernandes (2009) matrices at full severity, applied in
linear RGB; distances are CIE76 ΔE in CIELAB. A ΔE under about 10 is hard to tell apart
for small marks; we require at least that for every pair of colours within one scale.
"""

import itertools
from pathlib import Path

import pytest

from aid2assets.figures import stored_figures

CHAPTERS = Path(__file__).resolve().parent.parent / "chapters"
MIN_DELTA_E = 10.0

MACHADO = {
    "normal": [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
    "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
}


def hex_to_rgb(h):
    h = h.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    return [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]


def to_linear(c):
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def lab(rgb_linear):
    r, g, b = rgb_linear
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
    f = [t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in (x, y, z)]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def seen_as(hex_colour, vision):
    lin = [to_linear(c) for c in hex_to_rgb(hex_colour)]
    m = MACHADO[vision]
    sim = [min(1.0, max(0.0, sum(m[i][j] * lin[j] for j in range(3)))) for i in range(3)]
    return lab(sim)


def delta_e(a, b):
    return sum((p - q) ** 2 for p, q in zip(a, b)) ** 0.5


def luminance(hex_colour):
    r, g, b = (to_linear(c) for c in hex_to_rgb(hex_colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def specs():
    for nb_path in sorted(CHAPTERS.glob("*.ipynb")):
        for fid, payload in stored_figures(nb_path).items():
            yield fid, payload["spec"]


def walk(node, found):
    if isinstance(node, dict):
        for channel in ("color", "fill", "stroke"):
            enc = node.get(channel)
            if isinstance(enc, dict) and isinstance(enc.get("scale"), dict):
                rng = enc["scale"].get("range")
                if isinstance(rng, list) and all(isinstance(c, str) and c.startswith("#") for c in rng):
                    found["scales"].append(rng)
        mark = node.get("mark")
        if isinstance(mark, dict) and mark.get("type") == "text" and isinstance(mark.get("color"), str):
            found["text"].append(mark["color"])
        for value in node.values():
            walk(value, found)
    elif isinstance(node, list):
        for value in node:
            walk(value, found)


SPECS = list(specs())


def test_there_are_charts_to_check():
    assert len(SPECS) >= 16
    found = {"scales": [], "text": []}
    for _, spec in SPECS:
        walk({k: v for k, v in spec.items() if k != "datasets"}, found)
    assert len(found["scales"]) >= 10 and len(found["text"]) >= 5, "the spec walker finds too little"


# --- Dark mode: the palette the browser swaps in when the page's theme is dark ---------------

import json
import re

from aid2assets.theme import DARK_BACKGROUND, DARK_COLOURS, DARK_TEXT

EMBED_JS = Path(__file__).resolve().parent.parent / "aid2assets" / "static" / "embed.js"


def contrast(a, b):
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def dark(colour):
    return DARK_COLOURS.get(colour.lower(), colour)


def test_embed_script_swaps_the_same_dark_colours():
    # The browser's table is generated from theme.py (aid2assets/bundle.py): embed.js holds an
    # empty slot, and the script the site and the widget bundle carries the theme's table.
    from aid2assets.bundle import embed_source

    raw = re.findall(r"/\* DARK_COLOURS \*/ (.*?) /\* end \*/", EMBED_JS.read_text(encoding="utf-8"))
    assert raw == ["{}"], "embed.js must keep one empty slot for the palette, not a copy of it"
    filled = re.findall(r"/\* DARK_COLOURS \*/ (\{.*?\}) /\* end \*/", embed_source())
    assert len(filled) == 1 and json.loads(filled[0]) == DARK_COLOURS


def test_dark_page_text_is_readable():
    assert contrast(DARK_TEXT, DARK_BACKGROUND) >= 4.5


def test_every_chart_colour_reads_on_the_dark_page():
    """A colour a stored chart uses either has a dark counterpart or already reaches 3:1 on
    the dark background (a new colour in a chapter fails here until it gets one)."""
    found = {"scales": [], "text": []}
    for _, spec in SPECS:
        walk({k: v for k, v in spec.items() if k != "datasets"}, found)
    colours = set()
    for _, spec in SPECS:
        text = json.dumps({k: v for k, v in spec.items() if k != "datasets"})
        colours |= {c.lower() for c in re.findall(r'"(#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?)"', text)}
    assert len(colours) >= 10
    weak = [f"{c} ({contrast(c, DARK_BACKGROUND):.1f}:1)" for c in sorted(colours)
            if c not in DARK_COLOURS and contrast(c, DARK_BACKGROUND) < 3.0]
    assert not weak, f"colours with no dark counterpart and under 3:1 on {DARK_BACKGROUND}: {weak}"


def test_shading_colours_in_the_data_have_dark_counterparts():
    """Colours carried in a chart's data (era bands, timeline rows, drawn with scale: null)
    are swapped too; one with no counterpart would stay a pale block on the dark page."""
    found = set()
    for _, spec in SPECS:
        for rows in spec.get("datasets", {}).values():
            for row in rows:
                found |= {v.lower() for v in row.values()
                          if isinstance(v, str) and re.fullmatch(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?", v)}
    assert found, "no colour found in the data: the check would check nothing"
    missing = sorted(c for c in found if c not in DARK_COLOURS and contrast(c, "#ffffff") < 1.5)
    assert not missing, f"pale colours in chart data with no dark counterpart: {missing}"


# --- Both themes: the same checks on the colours each theme draws, on its page's background ---

# theme: how a spec colour is drawn in it, its page's background, and the contrast every mark
# colour must reach on that background (None: not checked)
THEMES = {"light": (lambda c: c, "#ffffff", None), "dark": (dark, DARK_BACKGROUND, 3.0)}


def colours_in(spec):
    found = {"scales": [], "text": []}
    walk({k: v for k, v in spec.items() if k != "datasets"}, found)
    return found


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("fid,spec", SPECS, ids=[fid for fid, _ in SPECS])
def test_categories_stay_apart_and_visible(fid, spec, theme):
    drawn, background, least = THEMES[theme]
    problems = []
    for rng in colours_in(spec)["scales"]:
        colours = sorted(set(drawn(c).lower() for c in rng))
        if least:
            problems += [f"{c} is {contrast(c, background):.1f}:1 on {background}" for c in colours
                         if contrast(c, background) < least]
        for a, b in itertools.combinations(colours, 2):
            for vision in MACHADO:
                d = delta_e(seen_as(a, vision), seen_as(b, vision))
                if d < MIN_DELTA_E:
                    problems.append(f"{a} vs {b} under {vision}: ΔE {d:.1f}")
    assert not problems, f"{fid} ({theme}): " + "; ".join(problems)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("fid,spec", SPECS, ids=[fid for fid, _ in SPECS])
def test_coloured_text_is_readable(fid, spec, theme):
    drawn, background, _ = THEMES[theme]
    weak = [f"{c}→{drawn(c)} ({contrast(drawn(c), background):.1f}:1)" for c in colours_in(spec)["text"]
            if c.startswith("#") and contrast(drawn(c), background) < 4.5]
    assert not weak, f"{fid}: text colours below 4.5:1 on {background}: {weak}"
