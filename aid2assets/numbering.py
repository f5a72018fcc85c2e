"""The book's numbers for its figures and exercises: one scheme on every surface.

A figure or an exercise is numbered within its chapter, with the chapter's number before it:
"Figure 3.2" is the second figure of the third chapter, "Exercise 6.3" the third exercise of
the sixth. The chapters are numbered in the order of the part "The book" of ``_toc.yml``,
from 1 (the overview is chapter 1); pages outside that part (glossary, methods, the
teacher's guide) have no numbered figures or exercises.

* A **figure** is a :class:`~aid2assets.figures.Figure` output stored in the chapter's
  notebook; figures inside worked solutions are counted in the same sequence, in the order
  they appear. A plain Altair chart (a "sketch", id ``sketch-<digest>``) is not a figure of
  the book and has no number. A figure's label is its id; its anchor on the chapter's page is
  ``fig-<id>``.
* An **exercise** is an ``{exercise}`` or ``{exercise-start}`` directive of a markdown cell;
  its label is its ``:label:`` and its anchor the label.

The numbers are computed from the stored notebooks and ``_toc.yml`` (:func:`targets`). The
site's build gives Sphinx the same numbers (:mod:`aid2assets.build.site` renumbers what Sphinx
counted across the whole book), the markup of the stored notebooks writes them in words
(:mod:`aid2assets.build.markup`), the student notebooks and the teacher's guide take them from the
same places, and ``tests/test_numbering.py`` checks that every surface agrees.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from .paths import REPO_ROOT

__all__ = ["BOOK_PART", "Target", "chapters", "chapter_number", "targets", "notebook_targets", "FORMATS"]

BOOK_PART = "The book"
FIGURE_MIME = "application/vnd.aid2assets.figure+json"   # as aid2assets.figures.MIME_TYPE
FORMATS = {"figure": "Figure %s", "exercise": "Exercise %s"}
_EXERCISE = re.compile(r"^(`{3,}|:{3,})\{(exercise|exercise-start)\}[^\n]*\n((?:[ \t]*:[\w-]+:[^\n]*\n)*)")


@dataclass(frozen=True)
class Target:
    """A numbered thing of the book: ``kind`` ("figure" or "exercise"), its ``label``, the
    ``docname`` of its chapter ("chapters/trade_tariffs"), its ``number`` ("3.2") and the
    ``anchor`` (HTML id) it has on the chapter's page."""

    kind: str
    label: str
    docname: str
    number: str
    anchor: str

    @property
    def words(self) -> str:
        """What a reference to it reads: "Figure 3.2", "Exercise 6.3"."""
        return FORMATS[self.kind] % self.number


def chapters(root: Path = REPO_ROOT) -> list[str]:
    """The docnames of the part "The book" of ``_toc.yml``, in order (chapter 1 first)."""
    import yaml

    toc = yaml.safe_load((Path(root) / "_toc.yml").read_text(encoding="utf-8"))
    for part in toc.get("parts", []):
        if part.get("caption") == BOOK_PART:
            return [re.sub(r"\.(ipynb|md)$", "", c["file"]) for c in part.get("chapters", [])]
    raise ValueError(f"_toc.yml: no part captioned {BOOK_PART!r}")


def chapter_number(docname: str, root: Path = REPO_ROOT) -> int | None:
    """The chapter number of ``docname`` (1 for the first chapter of "The book"), or None."""
    names = chapters(root)
    return names.index(docname) + 1 if docname in names else None


def _source(cell) -> str:
    return cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])


def notebook_targets(nb, docname: str, chapter: int) -> list[Target]:
    """The figures and exercises of one chapter notebook (a dict or nbformat node), numbered."""
    found, counts = [], {"figure": 0, "exercise": 0}

    def add(kind, label, anchor):
        counts[kind] += 1
        found.append(Target(kind, label, docname, f"{chapter}.{counts[kind]}", anchor))

    seen = set()
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            m = _EXERCISE.match(_source(cell))
            if m:
                label = re.search(r"^[ \t]*:label:[ \t]*(\S+)", m.group(3), re.M)
                if label:
                    add("exercise", label.group(1), label.group(1))
        for out in cell.get("outputs", []) if cell["cell_type"] == "code" else []:
            payload = out.get("data", {}).get(FIGURE_MIME)
            if not payload:
                continue
            payload = json.loads(payload) if isinstance(payload, str) else payload
            fid = payload["id"]
            if fid.startswith("sketch-") or fid in seen:
                continue
            seen.add(fid)
            add("figure", fid, f"fig-{fid}")
    return found


_CACHE: dict = {}


def targets(root: Path = REPO_ROOT, notebooks: dict | None = None) -> dict[str, Target]:
    """``label -> Target`` for every figure and exercise of the book.

    ``notebooks`` (docname -> notebook) replaces the stored file of those chapters (for a
    notebook being rewritten in memory). Without it, the result is cached while the stored
    notebooks are unchanged. A label used twice stops with an error naming both chapters.
    """
    import nbformat

    root = Path(root)
    names = chapters(root)
    paths = {d: root / f"{d}.ipynb" for d in names}
    key = None
    if not notebooks:
        key = (str(root), tuple((d, p.stat().st_mtime_ns) for d, p in paths.items() if p.exists()))
        if key in _CACHE:
            return _CACHE[key]
    out: dict[str, Target] = {}
    for n, docname in enumerate(names, 1):
        if notebooks and docname in notebooks:
            nb = notebooks[docname]
        elif paths[docname].exists():
            nb = nbformat.read(paths[docname], as_version=4)
        else:
            continue
        for t in notebook_targets(nb, docname, n):
            if t.label in out:
                raise ValueError(f"label {t.label!r} is used in {out[t.label].docname} and in {docname}")
            out[t.label] = t
    if key is not None:
        _CACHE.clear()
        _CACHE[key] = out
    return out


def docname_of(path: Path | str, root: Path = REPO_ROOT) -> str | None:
    """The docname of a chapter notebook's path ("chapters/trade_tariffs"), or None."""
    try:
        rel = Path(path).resolve().relative_to(Path(root).resolve())
    except ValueError:
        return None
    return rel.with_suffix("").as_posix()


def figure_number(figure_id: str, root: Path = REPO_ROOT) -> str | None:
    """The number of the figure ``figure_id`` ("3.2"), or None if no chapter stores it."""
    t = targets(root).get(figure_id)
    return t.number if t and t.kind == "figure" else None
