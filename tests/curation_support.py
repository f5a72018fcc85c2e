"""Shared by the curation tests: load a script from curation/ and skip where originals are absent."""

import importlib.util
from pathlib import Path

import pytest

from aid2assets.paths import shared_dir

REPO = Path(__file__).resolve().parent.parent
SHARED = shared_dir()


def curate_module(name: str):
    """Import ``curation/curate_<name>.py`` as a module (the scripts are not a package)."""
    spec = importlib.util.spec_from_file_location(f"curate_{name}", REPO / "curation" / f"curate_{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def needs_sources(folder: str):
    """Skip, saying where it looked, when ``shared/sources/<folder>`` is not beside the checkout."""
    where = SHARED / "sources" / folder
    return pytest.mark.skipif(not where.is_dir(),
                              reason=f"original files not present at {where}: curation cannot be re-run here")
