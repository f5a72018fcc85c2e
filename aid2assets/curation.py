"""The command line shared by the scripts in ``curation/``.

Each script defines ``build(shared) -> {file name: CSV text}`` and calls :func:`run`:
it writes the tables into ``data/`` or, with ``--check``, compares them with what is there.
Exit codes: 0 written or identical, 1 a table differs, 2 the original files are missing.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path
from typing import Callable, Iterable

from .paths import data_dir, shared_dir


def read_csv(path: Path, delimiter: str = ",") -> list[dict]:
    """Rows of a UTF-8 CSV file as dictionaries, values as text."""
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter=delimiter))


def csv_text(rows: list[dict], columns: list[str]) -> str:
    """Rows as CSV text with a header, Unix line endings: the form of every file in data/."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def run(argv, description: str, build: Callable[[Path], dict[str, str]],
        required: Iterable[str]) -> int:
    """Parse ``argv``, check that the ``required`` originals exist, then write or check."""
    parser = argparse.ArgumentParser(description=description,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=shared_dir(), help="the shared/ folder")
    parser.add_argument("--out", type=Path, default=data_dir(), help="the data/ folder to write")
    parser.add_argument("--check", action="store_true", help="compare with data/ instead of writing")
    args = parser.parse_args(argv)
    missing = [name for name in required if not (args.shared / name).exists()]
    if missing:
        print(f"original files not found under {args.shared}: {', '.join(missing)}", file=sys.stderr)
        return 2
    status = 0
    for name, text in build(args.shared).items():
        target = args.out / name
        if args.check:
            same = target.is_file() and target.read_text(encoding="utf-8") == text
            print(f"{'same' if same else 'DIFFERENT'}: {target}")
            status |= 0 if same else 1
        else:
            target.write_text(text, encoding="utf-8")
            print(f"wrote {target} ({text.count(chr(10)) - 1} rows)")
    return status
