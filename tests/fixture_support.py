"""Fixtures made by name, so that a test module states which table or chapter it reads in one line:

    gb = table_fixture("aid_greenbook")
    figs = figures_fixture(REPO / "chapters" / "diplomacy.ipynb")

Each is loaded once per module, as a hand-written module-scoped fixture would be.
"""

from __future__ import annotations

from pathlib import Path

import pytest


def table_fixture(name: str, index: str | None = None):
    """A module-scoped fixture holding ``load(name)`` (indexed by ``index`` if given)."""
    @pytest.fixture(scope="module")
    def table():
        from aid2assets import load

        frame = load(name)
        return frame.set_index(index) if index else frame
    return table


def figures_fixture(notebook: Path):
    """A module-scoped fixture holding the figures stored in a chapter notebook, by id."""
    @pytest.fixture(scope="module")
    def figures():
        from aid2assets.figures import stored_figures

        return stored_figures(notebook)
    return figures
