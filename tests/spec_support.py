"""Reading stored Vega-Lite specs in the figure tests: one definition for every chapter's tests."""

from __future__ import annotations


def params(spec):
    """The spec's top-level params by name."""
    return {p["name"]: p for p in spec.get("params", [])}


def views(spec):
    """Every view of a spec: itself, its layers and its concatenated rows, at any depth."""
    yield spec
    for key in ("layer", "vconcat", "hconcat"):
        for child in spec.get(key, []):
            yield from views(child)
