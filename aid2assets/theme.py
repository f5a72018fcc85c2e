"""The book's chart theme: one look for every chapter.

Colours come from the Okabe-Ito palette, which stays distinguishable under the common forms
of colour blindness. Named colours keep a meaning across chapters (economic aid is always
blue, military aid always vermilion).
"""

from __future__ import annotations

import altair as alt

VEGA_LITE_VERSION = "6.4"  # what Altair 6.3 emits; the site bundle is built for the same version

OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermilion": "#D55E00",
    "purple": "#CC79A7",
    "grey": "#767676",  # grey dark enough for text on white (4.5:1)
}

# Text drawn in an accent colour must reach 4.5:1 on white; vermilion itself is 3.9:1.
TEXT_ACCENT = "#B34400"  # a darker vermilion, 5.6:1

COLORS = {
    "economic": OKABE_ITO["blue"],
    "military": OKABE_ITO["vermilion"],
    "total": OKABE_ITO["grey"],
    "csf": OKABE_ITO["orange"],
    "PAK": OKABE_ITO["green"],
    "AFG": OKABE_ITO["vermilion"],
    "BGD": OKABE_ITO["sky"],
    "EGY": OKABE_ITO["orange"],
    "IND": OKABE_ITO["purple"],
    "ISR": OKABE_ITO["blue"],
}

# Verdicts of the claims check: a colour marker beside the verdict's name (never colour alone).
VERDICT_COLORS = {
    "Supported": OKABE_ITO["green"],
    "Partly supported": OKABE_ITO["orange"],
    "Unsupported": OKABE_ITO["vermilion"],
    "Unverifiable": OKABE_ITO["grey"],
}

WIDTH = 600
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"


@alt.theme.register("aid2assets", enable=False)
def book_theme() -> alt.theme.ThemeConfig:
    return {
        "config": {
            "view": {"continuousWidth": WIDTH, "continuousHeight": 320, "stroke": None},
            "font": FONT,
            "title": {"fontSize": 15, "anchor": "start", "fontWeight": 600},
            "axis": {"labelFontSize": 12, "titleFontSize": 12, "titleFontWeight": 500,
                     "gridColor": "#e5e5e5", "domainColor": "#888", "tickColor": "#888"},
            "legend": {"labelFontSize": 12, "titleFontSize": 12, "orient": "top"},
            "range": {"category": list(OKABE_ITO.values())[1:]},
            "bar": {"discreteBandSize": {"band": 0.85}},
        }
    }


def enable() -> None:
    """Use the book's theme for every chart made after this call."""
    alt.theme.enable("aid2assets")
    # Plain charts (not wrapped in a Figure) render offline too: see figures.sketch_renderer.
    from . import figures  # noqa: F401  (registers the renderer)

    alt.renderers.enable("aid2assets")
