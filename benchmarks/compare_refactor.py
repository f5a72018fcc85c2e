"""Did a refactor change what readers get? Compare figure specs and built pages.

Two comparisons, each printing what differs and a one-line summary:

* ``specs``: the figure bundles stored in the chapter notebooks (every
  ``application/vnd.aid2assets.figure+json`` output, keyed by figure id, as canonical JSON:
  keys sorted, no whitespace) at a git revision against the working tree. The PNG beside each
  bundle is left out: it is the one part that may vary between machines (see figures.py).
* ``pages``: every ``.html`` file of two built sites, after setting aside what may change
  without a reader seeing a different page: the build date ("Last updated" and the
  ``last-updated`` meta), hashed file names (``?digest=...``, ``name.<hex>.ext``) and the
  search index (``searchindex.js`` is not compared). With ``--ignore-code`` the source shown
  in each code cell (``div.cell_input``) is set aside too: a refactor of the chapters' code
  changes the code a reader can unfold, and nothing else.

Usage::

    python benchmarks/compare_refactor.py specs [--rev HEAD]
    python benchmarks/compare_refactor.py pages OLD_HTML_DIR NEW_HTML_DIR [--ignore-code]

Exits 1 when anything differs, so that it can gate a merge.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIGURE_MIME = "application/vnd.aid2assets.figure+json"


def figure_bundles(notebook_text: str) -> dict[str, str]:
    """figure id -> canonical JSON of its bundle, for one notebook's JSON text."""
    nb = json.loads(notebook_text)
    found: dict[str, str] = {}
    for cell in nb.get("cells", []):
        for output in cell.get("outputs", []):
            bundle = output.get("data", {}).get(FIGURE_MIME)
            if bundle is None:
                continue
            if isinstance(bundle, str):
                bundle = json.loads(bundle)
            fid = bundle.get("id") or bundle.get("figure_id") or json.dumps(bundle)[:60]
            found[fid] = json.dumps(bundle, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return found


def notebooks_at(rev: str) -> dict[str, str]:
    names = subprocess.run(["git", "ls-tree", "--name-only", rev, "chapters/"], cwd=ROOT,
                           check=True, capture_output=True, text=True).stdout.split()
    return {Path(n).name: subprocess.run(["git", "show", f"{rev}:{n}"], cwd=ROOT, check=True,
                                         capture_output=True, text=True).stdout
            for n in names if n.endswith(".ipynb")}


def notebooks_now() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((ROOT / "chapters").glob("*.ipynb"))}


def compare_specs(rev: str) -> int:
    old, new = {}, {}
    for name, text in notebooks_at(rev).items():
        old.update({(name, k): v for k, v in figure_bundles(text).items()})
    for name, text in notebooks_now().items():
        new.update({(name, k): v for k, v in figure_bundles(text).items()})
    old_ids, new_ids = {k[1] for k in old}, {k[1] for k in new}
    old_by_id, new_by_id = {k[1]: v for k, v in old.items()}, {k[1]: v for k, v in new.items()}
    changed = sorted(i for i in old_ids & new_ids if old_by_id[i] != new_by_id[i])
    for fid in sorted(old_ids - new_ids):
        print(f"gone:    {fid}")
    for fid in sorted(new_ids - old_ids):
        print(f"new:     {fid}")
    for fid in changed:
        print(f"changed: {fid}")
        a = json.dumps(json.loads(old_by_id[fid]), sort_keys=True, indent=1).splitlines()
        b = json.dumps(json.loads(new_by_id[fid]), sort_keys=True, indent=1).splitlines()
        for line in list(difflib.unified_diff(a, b, lineterm="", n=1))[2:40]:
            print("    " + line)
    same = len(old_ids & new_ids) - len(changed)
    print(f"specs: {same} of {len(old_ids)} figures unchanged against {rev}; "
          f"{len(changed)} changed, {len(old_ids - new_ids)} gone, {len(new_ids - old_ids)} new")
    return 0 if not changed and old_ids == new_ids else 1


VOLATILE = [
    (re.compile(r"Last updated on [^<]*"), "Last updated on DATE"),
    (re.compile(r'(<meta[^>]*last-updated[^>]*content=")[^"]*'), r"\1DATE"),
    (re.compile(r"\?digest=[0-9a-f]+"), "?digest=HASH"),
    (re.compile(r"\?v=[0-9a-f]+"), ""),   # a cache-busting checksum, present or not
    (re.compile(r"\b([\w-]+)\.[0-9a-f]{8,64}\.(js|css|json|svg|png|csv)\b"), r"\1.HASH.\2"),
]


CODE_CELL = re.compile(r'<div class="cell_input docutils container">\n<div class="highlight-ipython3 '
                       r'notranslate"><div class="highlight"><pre>.*?</pre></div>\n</div>\n</div>', re.S)


def normalise(text: str, ignore_code: bool = False) -> str:
    for pattern, repl in VOLATILE:
        text = pattern.sub(repl, text)
    if ignore_code:
        text = CODE_CELL.sub('<div class="cell_input">CODE</div>', text)
    return text


def compare_pages(old_dir: Path, new_dir: Path, ignore_code: bool = False) -> int:
    old = {p.relative_to(old_dir) for p in old_dir.rglob("*.html")}
    new = {p.relative_to(new_dir) for p in new_dir.rglob("*.html")}
    differing = []
    for rel in sorted(old & new):
        a = normalise((old_dir / rel).read_text(encoding="utf-8"), ignore_code)
        b = normalise((new_dir / rel).read_text(encoding="utf-8"), ignore_code)
        if a != b:
            differing.append(rel)
            diff = difflib.unified_diff(a.splitlines(), b.splitlines(), lineterm="", n=0)
            print(f"differs: {rel}")
            for line in list(diff)[2:12]:
                print("    " + line[:200])
    for rel in sorted(old - new):
        print(f"gone:    {rel}")
    for rel in sorted(new - old):
        print(f"new:     {rel}")
    print(f"pages: {len(old & new) - len(differing)} of {len(old)} unchanged; "
          f"{len(differing)} differ, {len(old - new)} gone, {len(new - old)} new")
    return 0 if not differing and old == new else 1


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="what", required=True)
    s = sub.add_parser("specs", help="figure bundles in the notebooks: a git revision against the working tree")
    s.add_argument("--rev", default="HEAD")
    p = sub.add_parser("pages", help="two built sites' HTML pages")
    p.add_argument("old", type=Path)
    p.add_argument("new", type=Path)
    p.add_argument("--ignore-code", action="store_true", help="set aside the source shown in code cells")
    args = parser.parse_args(argv)
    if args.what == "specs":
        return compare_specs(args.rev)
    return compare_pages(args.old, args.new, args.ignore_code)


if __name__ == "__main__":
    sys.exit(main())
