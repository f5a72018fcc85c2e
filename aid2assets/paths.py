"""Where the book's files are, wherever the code runs from.

Notebooks may be opened from the repository root, from ``chapters/`` or from a copy in
Colab; none of that may change where the data is found. The data folder is looked up, in
order, from the ``A2A_DATA_DIR`` environment variable and from the repository that holds this
package (``<repo>/data``).
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """The folder holding ``datapackage.json`` and the CSV tables."""
    env = os.environ.get("A2A_DATA_DIR")
    if env:
        return Path(env)
    return REPO_ROOT / "data"


def shared_dir() -> Path:
    """The read-only ``shared/`` folder beside the checkout (only curation scripts use it)."""
    env = os.environ.get("A2A_SHARED_DIR")
    if env:
        return Path(env)
    return REPO_ROOT.parent / "shared"
