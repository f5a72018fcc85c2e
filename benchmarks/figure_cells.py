"""How long are the chapters' figure cells, and how much phone craft do they spell out?

Counts, per chapter and overall:

* the lines of each **figure cell**: a code cell that calls ``Figure(`` or stores a figure
  bundle (``application/vnd.aid2assets.figure+json``) among its outputs; as n, median and
  max, with and without the chapter's teaching example (the cell whose metadata holds
  ``"aid2assets": {"teaching_example": true}``);
* the ``narrow ?`` expressions in the chapters' code (every code cell);
* the ``narrow`` param definitions (``alt.param(name="narrow", ...)``) in the chapters' code
  outside the teaching examples, and the calls to ``phone_switch()`` beside them.

Usage::

    python benchmarks/figure_cells.py              # the working tree
    python benchmarks/figure_cells.py --rev 5e786e7  # the chapters at a git revision
    python benchmarks/figure_cells.py --cells      # also list every figure cell

Targets (issue 21): figure cells median <= 25 lines; every figure cell except the one teaching
example per chapter <= 60 lines; at most one ``narrow`` param definition outside the teaching
examples. ``--check`` exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIGURE_MIME = "application/vnd.aid2assets.figure+json"
NARROW_EXPR = re.compile(r"\bnarrow\s*\?")
NARROW_PARAM = re.compile(r"""alt\.param\(\s*name\s*=\s*["']narrow["']""")
PHONE_SWITCH = re.compile(r"\bphone_switch\(\s*\)")

MEDIAN_TARGET, MAX_TARGET, PARAM_TARGET = 25, 60, 1


def notebooks(rev: str | None) -> dict[str, dict]:
    """chapter name -> notebook JSON, from the working tree or a git revision."""
    if rev is None:
        return {p.stem: json.loads(p.read_text(encoding="utf-8"))
                for p in sorted((ROOT / "chapters").glob("*.ipynb"))}
    names = subprocess.run(["git", "ls-tree", "--name-only", rev, "chapters/"], cwd=ROOT,
                           check=True, capture_output=True, text=True).stdout.split()
    return {Path(n).stem: json.loads(subprocess.run(
                ["git", "show", f"{rev}:{n}"], cwd=ROOT, check=True, capture_output=True,
                text=True).stdout)
            for n in sorted(names) if n.endswith(".ipynb")}


def source_of(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def is_teaching_example(cell: dict) -> bool:
    return bool(cell.get("metadata", {}).get("aid2assets", {}).get("teaching_example"))


def is_figure_cell(cell: dict) -> bool:
    if cell.get("cell_type") != "code":
        return False
    if "Figure(" in source_of(cell):
        return True
    return any(FIGURE_MIME in out.get("data", {}) for out in cell.get("outputs", []))


def line_count(cell: dict) -> int:
    return len(source_of(cell).splitlines())


def chapter_counts(nb: dict) -> dict:
    figure = [(i, line_count(c), is_teaching_example(c)) for i, c in enumerate(nb.get("cells", []))
              if is_figure_cell(c)]   # i: the cell's index in the notebook
    cells = [c for c in nb.get("cells", []) if c.get("cell_type") == "code"]
    code = [source_of(c) for c in cells]
    outside = [source_of(c) for c in cells if not is_teaching_example(c)]
    return {
        "figure_cells": figure,
        "narrow_expr": sum(len(NARROW_EXPR.findall(s)) for s in code),
        "narrow_params": sum(len(NARROW_PARAM.findall(s)) for s in outside),
        "phone_switch_calls": sum(len(PHONE_SWITCH.findall(s)) for s in outside),
        "teaching_examples": sum(is_teaching_example(c) for c in cells),
    }


def distribution(lengths: list[int]) -> str:
    if not lengths:
        return "n  0"
    return (f"n {len(lengths):2d}  median {statistics.median(lengths):5.1f}  "
            f"max {max(lengths):3d}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rev", help="count the chapters at this git revision")
    parser.add_argument("--cells", action="store_true", help="list every figure cell")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)

    counts = {name: chapter_counts(nb) for name, nb in notebooks(args.rev).items()}
    all_lengths, rest_lengths = [], []
    total_expr = total_params = total_switch = 0
    print(f"Figure cells at {args.rev or 'the working tree'} (lines of code per cell)")
    print(f"{'chapter':15s} {'all figure cells':34s} {'without teaching example':34s} "
          f"{'narrow ?':>8s} {'params':>6s} {'switch':>6s} {'teach':>5s}")
    for name, c in counts.items():
        lengths = [n for _, n, _ in c["figure_cells"]]
        rest = [n for _, n, teach in c["figure_cells"] if not teach]
        all_lengths += lengths
        rest_lengths += rest
        total_expr += c["narrow_expr"]
        total_params += c["narrow_params"]
        total_switch += c["phone_switch_calls"]
        print(f"{name:15s} {distribution(lengths):34s} {distribution(rest):34s} "
              f"{c['narrow_expr']:8d} {c['narrow_params']:6d} {c['phone_switch_calls']:6d} "
              f"{c['teaching_examples']:5d}")
        if args.cells:
            for index, n, teach in c["figure_cells"]:
                print(f"    cell {index:2d}: {n:3d} lines{'  (teaching example)' if teach else ''}")
    print(f"{'overall':15s} {distribution(all_lengths):34s} {distribution(rest_lengths):34s} "
          f"{total_expr:8d} {total_params:6d} {total_switch:6d}")
    print("(narrow ? = 'narrow ?' expressions in all chapter code; params = alt.param(name='narrow')"
          " outside teaching examples; switch = phone_switch() calls outside teaching examples)")

    missed = []
    if all_lengths and statistics.median(all_lengths) > MEDIAN_TARGET:
        missed.append(f"median {statistics.median(all_lengths)} > {MEDIAN_TARGET}")
    if rest_lengths and max(rest_lengths) > MAX_TARGET:
        missed.append(f"a figure cell outside the teaching examples has {max(rest_lengths)} lines"
                      f" > {MAX_TARGET}")
    if total_params > PARAM_TARGET:
        missed.append(f"{total_params} narrow param definitions > {PARAM_TARGET}")
    print("targets: " + ("met" if not missed else "missed: " + "; ".join(missed)))
    return 1 if (args.check and missed) else 0


if __name__ == "__main__":
    sys.exit(main())
