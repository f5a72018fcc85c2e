"""The book's table of contents (_toc.yml), read in one place for the tests."""

from __future__ import annotations

from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent


def toc() -> dict:
    return yaml.safe_load((REPO / "_toc.yml").read_text(encoding="utf-8"))


def toc_files() -> list[str]:
    """Every page listed under the parts, in order (the root page is ``toc()["root"]``)."""
    return [entry["file"] for part in toc().get("parts", []) for entry in part.get("chapters", [])]
