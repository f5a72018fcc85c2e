"""The book's figure script: ``static/embed.js`` bundled with Vega, Vega-Lite and Vega-Embed.

One ES module (about 0.9 MB, built by vl-convert from its own copy of the Vega libraries, so
nothing is fetched from a CDN) serves both surfaces:

* the site copies it to ``_static/a2a/figures.js`` (:mod:`aid2assets.site`);
* in a notebook it is the ``_esm`` of the figure widget (:mod:`aid2assets.notebook`), which
  anywidget sends to the front end over the kernel's comm, never into the notebook file.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

STATIC = Path(__file__).parent / "static"
EMBED_JS = STATIC / "embed.js"
TOOLBAR_JS = STATIC / "toolbar.js"   # the figure's tools, in the same module (issue 24)
CSS = STATIC / "figures.css"

__all__ = ["bundle_key", "bundle_text", "EMBED_JS", "CSS"]


def bundle_key() -> str:
    """Changes whenever embed.js or the vendored Vega libraries (vl-convert) change."""
    import vl_convert as vlc

    from .theme import VEGA_LITE_VERSION

    parts = EMBED_JS.read_bytes() + TOOLBAR_JS.read_bytes() + vlc.__version__.encode() + VEGA_LITE_VERSION.encode()
    return hashlib.sha256(parts).hexdigest()[:16]


@functools.lru_cache(maxsize=2)
def _bundle(key: str) -> str:
    import vl_convert as vlc

    from .theme import VEGA_LITE_VERSION

    return vlc.javascript_bundle(_snippet(), vl_version=VEGA_LITE_VERSION)


def _snippet() -> str:
    """embed.js and toolbar.js as one module (they share its scope)."""
    return EMBED_JS.read_text(encoding="utf-8") + "\n" + TOOLBAR_JS.read_text(encoding="utf-8")


def bundle_text() -> str:
    """The bundle's source (built once per process, about a second)."""
    return _bundle(bundle_key())
