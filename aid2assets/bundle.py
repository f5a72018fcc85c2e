"""The book's figure script: ``static/embed.js`` bundled with Vega, Vega-Lite and Vega-Embed.

One ES module (about 0.9 MB, built by vl-convert from its own copy of the Vega libraries, so
nothing is fetched from a CDN) serves both surfaces:

* the site copies it to ``_static/a2a/figures.js`` (:mod:`aid2assets.build.site`);
* in a notebook it is the ``_esm`` of the figure widget (:mod:`aid2assets.notebook`), which
  anywidget sends to the front end over the kernel's comm, never into the notebook file.

The dark palette is written once, in :data:`aid2assets.theme.DARK_COLOURS`; ``embed.js``
carries an empty table between the markers ``/* DARK_COLOURS */`` and ``/* end */``, which
:func:`embed_source` fills from the theme before bundling. This module stays on the reader's
side of the package because the notebook widget needs the bundle too.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from pathlib import Path

from .theme import DARK_COLOURS, VEGA_LITE_VERSION

STATIC = Path(__file__).parent / "static"
EMBED_JS = STATIC / "embed.js"
TOOLBAR_JS = STATIC / "toolbar.js"   # the figure's tools, in the same module (issue 24)
CSS = STATIC / "figures.css"
PALETTE_SLOT = re.compile(r"/\* DARK_COLOURS \*/ (.*?) /\* end \*/")

__all__ = ["bundle_key", "bundle_text", "embed_source", "EMBED_JS", "CSS"]


def embed_source() -> str:
    """embed.js as the browser runs it: the dark palette filled in from the theme."""
    text = EMBED_JS.read_text(encoding="utf-8")
    slots = PALETTE_SLOT.findall(text)
    if len(slots) != 1:
        raise ValueError(f"{EMBED_JS}: expected one /* DARK_COLOURS */ ... /* end */ slot, found {len(slots)}")
    palette = json.dumps(DARK_COLOURS)
    return PALETTE_SLOT.sub(lambda _: f"/* DARK_COLOURS */ {palette} /* end */", text)


def bundle_key() -> str:
    """Changes whenever embed.js, toolbar.js, the dark palette or the vendored Vega libraries change."""
    import vl_convert as vlc

    parts = (embed_source().encode("utf-8") + TOOLBAR_JS.read_bytes() + vlc.__version__.encode()
             + VEGA_LITE_VERSION.encode())
    return hashlib.sha256(parts).hexdigest()[:16]


@functools.lru_cache(maxsize=2)
def _bundle(key: str) -> str:
    import vl_convert as vlc

    return vlc.javascript_bundle(_snippet(), vl_version=VEGA_LITE_VERSION)


def _snippet() -> str:
    """embed.js (its dark palette filled in) and toolbar.js as one module (they share its scope)."""
    return embed_source() + "\n" + TOOLBAR_JS.read_text(encoding="utf-8")


def bundle_text() -> str:
    """The bundle's source (built once per process, about a second)."""
    return _bundle(bundle_key())
