"""Where the site keeps a figure's files: names shared by the site extension and the figure pages."""

from __future__ import annotations

import hashlib

from ..figures import _json_for_script

LOADER_NAME = "a2a/loader.js"   # imports the figure bundle as figures come into view
CSS_NAME = "a2a/figures.css"
DOWNLOADS = "_downloads/figures"  # where the site keeps each figure's CSV
SPECS = "_static/a2a/specs"        # and each figure's spec, fetched when the figure nears the view


def spec_filename(payload: dict) -> str:
    """The file name of a figure's spec on the site: its id and a digest of the spec."""
    digest = hashlib.sha256(_json_for_script(payload["spec"]).encode("utf-8")).hexdigest()[:12]
    return f"fig-{payload['id']}.{digest}.json"
