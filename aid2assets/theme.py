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
    # US goods trade with Pakistan, in the trade chapter and the overview alike
    "exports": OKABE_ITO["blue"],
    "imports": OKABE_ITO["orange"],
    "balance": OKABE_ITO["grey"],
    # money from the US into Pakistan beyond trade (the overview and the assets chapter)
    "remittances": OKABE_ITO["green"],
    "fdi": OKABE_ITO["vermilion"],
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
    # Plain charts (not wrapped in a Figure) render offline too, through the book's renderer
    # (figures.sketch_renderer). It is registered when the package is imported
    # (aid2assets/__init__.py), so this module needs nothing from figures, which imports it.
    alt.renderers.enable("aid2assets")


# --- Dark mode -------------------------------------------------------------------------------
# The site follows the reader's theme (the switch in the page header: light, dark or the
# system's setting). In dark mode the browser draws each chart with the colours below
# (written here only: aid2assets/bundle.py fills the table into embed.js, for the site and the
# notebook widget alike, and tests/test_colours.py checks the result): every
# colour a stored chart uses, swapped for one that keeps its meaning on the dark page.
# Category colours reach 3:1 on the background and text colours 4.5:1; categories stay apart
# under simulated colour blindness, as in light mode.

DARK_BACKGROUND = "#121212"  # sphinx-book-theme's --pst-color-background in dark mode
DARK_TEXT = "#ced6dd"        # pydata-sphinx-theme's --pst-color-text-base in dark mode

DARK_COLOURS = {
    # Okabe-Ito: only blue is too dark on the dark page (3.6:1); grey and black become light.
    "#0072b2": "#5a8fe6",
    "#767676": "#b0b0b0",
    "#000000": "#e6e6e6",
    # "the rest" greys in category scales: darker than the named series, as on white
    "#9a9a9a": "#7a7a7a",
    "#bbbbbb": "#7a7a7a",
    "#bdbdbd": "#7a7a7a",
    # text and rules drawn in a grey (annotations, event labels)
    "#222": "#e6e6e6",
    "#333": "#d6d6d6",
    "#333333": "#d6d6d6",
    "#444": "#c8c8c8",
    "#444444": "#c8c8c8",
    "#555": "#b8b8b8",
    "#555555": "#b8b8b8",
    # text in the accent colour
    "#b34400": "#ff8c42",
    # marks left out of a selection, era shading and grid lines: pale on white, dim on black
    "#cfcfcf": "#666666",
    "#d9d9d9": "#333333",
    "#e5e5e5": "#2e2e2e",
    # shading colours carried in the data (era bands, timeline rows): dim bands on black
    "#e6e6e6": "#2a2a2a",
    "#f2f2f2": "#1e1e1e",
    "#dcdcdc": "#2e2e2e",
    "#f0f0f0": "#1f1f1f",
    "#f5d9a8": "#4a3a1e",
    "black": "#e6e6e6",   # Vega-Lite's default for text marks
    "white": "#121212",   # edges that separate bars: the page's background, as on white
}
