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


def nodes(spec):
    """Every mapping in a spec, at any depth, leaving out its inline datasets."""
    if isinstance(spec, dict):
        yield spec
        for key, value in spec.items():
            if key != "datasets":
                yield from nodes(value)
    elif isinstance(spec, list):
        for value in spec:
            yield from nodes(value)


def download_rows(payload):
    """The rows of a figure's "Download the data shown" CSV, as dicts of strings."""
    import csv
    import io

    return list(csv.DictReader(io.StringIO(payload["download"]["csv"])))


def fields(spec):
    """Every field name used in any encoding of the spec, at any depth."""
    return {node["field"] for node in nodes(spec) if isinstance(node.get("field"), str)}
