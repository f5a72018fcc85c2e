"""Load the book's tables from ``data/`` and check them against ``data/datapackage.json``.

Every notebook and test reads data through :func:`load`. The descriptor follows the
Frictionless Data Package / Table Schema standard; this module implements the part of it the
book uses (field types, ``constraints``, ``primaryKey`` and ``foreignKeys``) with plain Python,
so that an error can name the file, the line, the column and what was expected.

A table is checked completely before any DataFrame is returned: nothing is rendered from a
table that failed.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .paths import data_dir

__all__ = ["DataError", "load", "descriptor", "resource", "validate_file", "table_names"]


class DataError(ValueError):
    """A data file does not match its description in ``datapackage.json``."""

    def __init__(self, path, message, line=None, column=None):
        self.path = str(path)
        self.line = line
        self.column = column
        self.reason = message
        where = self.path
        if line is not None:
            where += f", line {line}"
        if column is not None:
            where += f", column '{column}'"
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    constraints: dict

    @classmethod
    def from_descriptor(cls, d):
        return cls(d["name"], d.get("type", "string"), d.get("constraints", {}))


_INT_RE = re.compile(r"^[+-]?\d+$")
_TRUE = {"true"}
_FALSE = {"false"}


def _describe(field: Field) -> str:
    """A short human description of what a field accepts, for error messages."""
    c = field.constraints
    kind = {
        "integer": "an integer",
        "number": "a number",
        "boolean": "true or false",
        "date": "a date (YYYY-MM-DD)",
        "string": "text",
    }.get(field.type, field.type)
    if "enum" in c:
        kind = "one of " + ", ".join(repr(v) for v in c["enum"])
    if "minimum" in c and "maximum" in c:
        kind += f" between {c['minimum']} and {c['maximum']}"
    elif "minimum" in c:
        kind += f" of at least {c['minimum']}"
    elif "maximum" in c:
        kind += f" of at most {c['maximum']}"
    if "pattern" in c:
        kind += f" matching {c['pattern']}"
    return kind


def _parse(raw: str, field: Field):
    """Convert one cell; raise ValueError with a reason when it is not acceptable."""
    if field.type == "string":
        return raw
    if field.type == "integer":
        if not _INT_RE.match(raw):
            raise ValueError
        return int(raw)
    if field.type == "number":
        value = float(raw)
        if not math.isfinite(value):
            raise ValueError
        return value
    if field.type == "boolean":
        if raw in _TRUE:
            return True
        if raw in _FALSE:
            return False
        raise ValueError
    if field.type == "date":
        return date.fromisoformat(raw)
    raise ValueError(f"unsupported field type {field.type!r}")


def _check_cell(raw: str, field: Field, where):
    """Check and convert one cell; ``where`` is (path, line)."""
    c = field.constraints
    if raw == "":
        if c.get("required"):
            raise DataError(*where[:1], f"is empty; expected {_describe(field)}", where[1], field.name)
        return None
    if raw != raw.strip():
        raise DataError(where[0], f"has leading or trailing spaces in {raw!r}", where[1], field.name)
    try:
        value = _parse(raw, field)
    except ValueError:
        raise DataError(where[0], f"expected {_describe(field)}, got {raw!r}", where[1], field.name) from None
    if "enum" in c and value not in c["enum"]:
        raise DataError(where[0], f"expected {_describe(field)}, got {raw!r}", where[1], field.name)
    if "minimum" in c and value < _bound(c["minimum"], field):
        raise DataError(where[0], f"expected {_describe(field)}, got {raw!r}", where[1], field.name)
    if "maximum" in c and value > _bound(c["maximum"], field):
        raise DataError(where[0], f"expected {_describe(field)}, got {raw!r}", where[1], field.name)
    if "pattern" in c and not re.fullmatch(c["pattern"], raw):
        raise DataError(where[0], f"expected {_describe(field)}, got {raw!r}", where[1], field.name)
    if "maxLength" in c and len(raw) > c["maxLength"]:
        raise DataError(where[0], f"is {len(raw)} characters long; the limit is {c['maxLength']}", where[1], field.name)
    return value


def _bound(b, field):
    return date.fromisoformat(b) if field.type == "date" else b


@lru_cache(maxsize=None)
def _descriptor_cached(root: str) -> dict:
    path = Path(root) / "datapackage.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(path, "not found: the data package descriptor is missing") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError(path, f"is not valid UTF-8 JSON ({exc})") from None


def descriptor(root: Path | None = None) -> dict:
    """The parsed ``datapackage.json``."""
    return _descriptor_cached(str(root or data_dir()))


def table_names(root: Path | None = None) -> list[str]:
    return [r["name"] for r in descriptor(root)["resources"]]


def resource(name: str, root: Path | None = None) -> dict:
    """The descriptor of one table, by name."""
    for res in descriptor(root)["resources"]:
        if res["name"] == name:
            return res
    raise KeyError(f"no table named {name!r} in datapackage.json; known: {', '.join(table_names(root))}")


def _read_rows(path: Path, fields: list[Field], shown: str):
    """Decode and split a CSV file; check the header. Returns (header, rows with line numbers).

    ``shown`` is the name used for the file in error messages."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError(shown, "not found") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(shown, f"is not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
                        "save the file as UTF-8", line) from None
    if text.startswith("\ufeff"):
        raise DataError(shown, "starts with a byte-order mark; save it as UTF-8 without BOM", 1)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise DataError(shown, "is empty; expected a header row", 1) from None
    except csv.Error as exc:
        raise DataError(shown, f"cannot be read as CSV ({exc})", 1) from None
    expected = [f.name for f in fields]
    if header != expected:
        missing = [n for n in expected if n not in header]
        extra = [n for n in header if n not in expected]
        parts = []
        if missing:
            parts.append("missing column(s) " + ", ".join(repr(m) for m in missing))
        if extra:
            parts.append("unexpected column(s) " + ", ".join(repr(e) for e in extra))
        if not parts:
            parts.append("columns are out of order")
        raise DataError(shown, "header does not match the schema: " + "; ".join(parts)
                        + f". Expected: {','.join(expected)}", 1)
    rows = []
    try:
        for record in reader:
            line = reader.line_num
            if not record:
                raise DataError(shown, "is a blank line inside the table", line)
            if len(record) != len(fields):
                raise DataError(shown, f"has {len(record)} cells; expected {len(fields)}", line)
            rows.append((line, record))
    except csv.Error as exc:
        raise DataError(shown, f"cannot be read as CSV ({exc})", reader.line_num) from None
    return header, rows


def validate_file(path: Path, res: dict, root: Path | None = None) -> pd.DataFrame:
    """Check one CSV file against its resource descriptor and return it as a DataFrame."""
    path = Path(path)
    schema = res["schema"]
    fields = [Field.from_descriptor(f) for f in schema["fields"]]
    shown = _display_path(path, root)
    _, rows = _read_rows(path, fields, shown)
    if not rows:
        raise DataError(shown, "has a header but no data rows", 2)

    columns = {f.name: [] for f in fields}
    unique_seen = {f.name: {} for f in fields if f.constraints.get("unique")}
    pk = schema.get("primaryKey", [])
    pk = [pk] if isinstance(pk, str) else list(pk)
    pk_seen = {}
    for line, record in rows:
        values = {}
        for field, raw in zip(fields, record):
            values[field.name] = _check_cell(raw, field, (shown, line))
            columns[field.name].append(values[field.name])
            if field.name in unique_seen and raw != "":
                if raw in unique_seen[field.name]:
                    raise DataError(shown, f"repeats {raw!r}, already on line {unique_seen[field.name][raw]}; "
                                    "values in this column must be unique", line, field.name)
                unique_seen[field.name][raw] = line
        if pk:
            key = tuple(values[k] for k in pk)
            if key in pk_seen:
                raise DataError(shown, f"duplicate primary key ({', '.join(pk)}) = {key}, "
                                f"already on line {pk_seen[key]}", line, pk[0] if len(pk) == 1 else None)
            pk_seen[key] = line
        for rule in res.get("rowRules", []):
            _check_row_rule(rule, values, shown, line)

    frame = pd.DataFrame({f.name: _column(columns[f.name], f) for f in fields})
    return frame


def _check_row_rule(rule: dict, values: dict, path, line):
    """Book extension: simple cross-column rules, e.g. a note must explain an empty amount."""
    if rule["rule"] == "required-if-empty":
        if values[rule["field"]] is None and not values[rule["then"]]:
            raise DataError(path, f"is empty, so column '{rule['then']}' must explain why", line, rule["field"])
    elif rule["rule"] == "pattern-by":
        key = values[rule["by"]]
        pattern = rule["patterns"].get(key)
        value = values[rule["field"]]
        if pattern and value is not None and not re.fullmatch(pattern, str(value)):
            raise DataError(path, f"expected a value matching {pattern} when {rule['by']} is {key!r}, "
                            f"got {value!r}", line, rule["field"])
    else:
        raise ValueError(f"unknown row rule {rule['rule']!r}")


def _column(values, field: Field) -> pd.Series:
    if field.type == "integer":
        return pd.Series(values, dtype="Int64")
    if field.type == "number":
        return pd.Series([math.nan if v is None else v for v in values], dtype="float64")
    if field.type == "boolean":
        return pd.Series(values, dtype="boolean")
    if field.type == "date":
        return pd.to_datetime(pd.Series(values, dtype="object"))
    return pd.Series(values, dtype="string")


def _display_path(path: Path, root: Path | None) -> str:
    base = Path(root or data_dir())
    try:
        return "data/" + str(Path(path).resolve().relative_to(base.resolve()))
    except ValueError:
        return str(path)


def _check_foreign_keys(name: str, frame: pd.DataFrame, res: dict, root: Path | None):
    for fk in res["schema"].get("foreignKeys", []):
        fields = fk["fields"] if isinstance(fk["fields"], list) else [fk["fields"]]
        ref = fk["reference"]
        ref_fields = ref["fields"] if isinstance(ref["fields"], list) else [ref["fields"]]
        target = load(ref["resource"], root=root)
        allowed = set(map(tuple, target[ref_fields].astype(str).itertuples(index=False)))
        for i, key in enumerate(frame[fields].astype(str).itertuples(index=False)):
            if tuple(key) not in allowed:
                raise DataError(_display_path(Path(root or data_dir()) / res["path"], root),
                                f"refers to {ref['resource']} {dict(zip(ref_fields, key))}, which does not exist "
                                f"in {resource(ref['resource'], root)['path']}", i + 2, fields[0])


_cache: dict = {}


def load(name: str, root: Path | None = None) -> pd.DataFrame:
    """Return table ``name`` as a validated DataFrame, or raise :class:`DataError`.

    ``root`` is the data folder (default: the book's ``data/``). Results are cached per file
    modification time, so editing a CSV and calling ``load`` again re-reads it.
    """
    root = Path(root or data_dir())
    res = resource(name, root)
    path = root / res["path"]
    try:
        stamp = path.stat().st_mtime_ns
    except FileNotFoundError:
        raise DataError(_display_path(path, root), "not found (listed in datapackage.json)") from None
    key = (str(path), stamp)
    if key not in _cache:
        frame = validate_file(path, res, root)
        _check_foreign_keys(name, frame, res, root)
        _cache[key] = frame
    return _cache[key].copy()
