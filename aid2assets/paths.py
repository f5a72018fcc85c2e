"""Where the book's files are, wherever the code runs from.

Notebooks may be opened from the repository root, from ``chapters/``, from a student's
download folder or in Colab; none of that may change where the data is found. The data
folder (the one holding ``datapackage.json``) is looked up, in order:

1. the ``A2A_DATA_DIR`` environment variable, when set (it must then hold the data);
2. ``<repo>/data`` in the checkout that holds this package (a clone, or ``pip install -e .``);
3. ``aid2assets/_data`` inside the installed package: a wheel built from the repository
   (``pip install .`` or ``pip install git+<repository URL>``) carries a copy of ``data/``
   there (see ``[tool.setuptools]`` in pyproject.toml).

When none holds ``datapackage.json``, :func:`data_dir` raises :class:`DataDirNotFound`
listing every place it looked in.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent
DESCRIPTOR = "datapackage.json"


class DataDirNotFound(FileNotFoundError):
    """No folder with the book's ``datapackage.json`` was found."""


def data_dir_candidates() -> list[tuple[str, Path]]:
    """(how, folder) for each place :func:`data_dir` looks in, in order."""
    places = []
    env = os.environ.get("A2A_DATA_DIR")
    if env:
        places.append(("the A2A_DATA_DIR environment variable", Path(env)))
    places.append(("the repository checkout", REPO_ROOT / "data"))
    places.append(("the installed package", PACKAGE_DIR / "_data"))
    return places


def data_dir() -> Path:
    """The folder holding ``datapackage.json`` and the CSV tables."""
    places = data_dir_candidates()
    if os.environ.get("A2A_DATA_DIR"):
        # An explicit choice is never silently replaced by another copy of the data.
        how, path = places[0]
        if not (path / DESCRIPTOR).is_file():
            raise DataDirNotFound(f"{how} points at {path}, which has no {DESCRIPTOR}")
        return path
    for _, path in places:
        if (path / DESCRIPTOR).is_file():
            return path
    looked = "\n".join(f"  - {path} ({how})" for how, path in places)
    raise DataDirNotFound(
        f"the book's data (a folder with {DESCRIPTOR}) was not found. Looked in:\n{looked}\n"
        "Install the package from a checkout of the repository (pip install -e . or pip install .), "
        "or set A2A_DATA_DIR to the repository's data/ folder.")


def shared_dir() -> Path:
    """The read-only ``shared/`` folder beside the checkout (only curation scripts use it)."""
    env = os.environ.get("A2A_SHARED_DIR")
    if env:
        return Path(env)
    return REPO_ROOT.parent / "shared"
