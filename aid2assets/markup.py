"""Chapter markdown that reads the same on the site and in every notebook front end.

Two rewrites of a chapter notebook, both idempotent (running them again changes nothing), so
they can be re-run after any edit to the prose::

    python -m aid2assets.markup chapters/*.ipynb          # rewrite in place
    python -m aid2assets.markup --check chapters/*.ipynb  # exit 1 if anything would change

1. **Dollars.** JupyterLab, Notebook 7, Colab and GitHub typeset the text between two ``$``
   signs as TeX, so "obligations of $1.24 billion but disbursements of $0.77 billion" turns
   into italic math. Every ``$`` in a markdown cell's prose becomes ``\\$``, a literal dollar
   in CommonMark, MyST (the site) and every front end alike. Code spans, role contents and
   fenced blocks are left alone: there a backslash would be shown.
2. **Folded solutions.** jupyterlab-myst renders the gated ``{solution-start}`` marker as a
   folded "Solution to Exercise N" box, but a notebook cannot put the following cells inside
   it; so every cell between ``{solution-start}`` and ``{solution-end}`` is marked
   ``jupyter.source_hidden`` (and a code cell ``jupyter.outputs_hidden`` too: the notebook
   format's own "collapsed" flags). JupyterLab and Notebook 7 show such a cell as a thin bar that opens
   when clicked; Run All still runs it. The site ignores the flags: there sphinx-exercise
   folds the solution.

3. **Cross-references with their words.** A bare ``{ref}`label``` takes its words from the
   section it points to; in a notebook that section is in another file, so jupyterlab-myst
   can only print the label ("trade-lowest-claim"). A bare reference to a section label,
   ``(label)=`` above a heading in any chapter, is given the heading's words,
   ``{ref}`Heading <label>```: the site shows the same words, the notebook no longer a label.

Other MyST constructs the chapters use ({term}, {cite:p}, {cite:t}, {doc} with its own
words, the gated exercise markers, {admonition}) render readably with jupyterlab-myst as
they are, and are not rewritten.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import nbformat

__all__ = ["escape_dollars", "reader_text", "unescaped_dollars", "fold_solutions", "rewrite", "main"]

# A fenced block (``` or ~~~, or a ::: directive fence is prose and stays in), or an inline
# run of backticks with its closing run: their contents are code and keep their dollars.
_FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,})[^\n]*\n.*?^(?P=fence)[ \t]*$", re.M | re.S)
_CODE_SPAN = re.compile(r"(?<!`)(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`)", re.S)
# a dollar not already escaped (an even run of backslashes before it escapes nothing)
_DOLLAR = re.compile(r"(?<!\\)((?:\\\\)*)\$")


def _prose_parts(text: str):
    """Split markdown into (is_prose, chunk) pieces: code fences and code spans are not prose.

    A MyST directive's fence (```{admonition} Title) is not code: its title and body are
    markdown, and are split in turn. ```python blocks and the like are code.
    """
    pos = 0
    for m in _FENCE.finditer(text):
        yield from _spans(text[pos:m.start()])
        block, fence = m.group(0), m.group("fence")
        first, rest = block.split("\n", 1)
        directive = re.match(r"(`{3,}|~{3,})\s*\{[\w:-]+\}", first)
        if directive:
            body, closing = rest[:rest.rstrip().rfind(fence)], rest[rest.rstrip().rfind(fence):]
            yield False, directive.group(0)
            yield from _spans(first[directive.end():] + "\n")
            yield from _prose_parts(body)
            yield False, closing
        else:
            yield False, block
        pos = m.end()
    yield from _spans(text[pos:])


def _spans(text: str):
    pos = 0
    for m in _CODE_SPAN.finditer(text):
        yield True, text[pos:m.start()]
        yield False, m.group(0)
        pos = m.end()
    yield True, text[pos:]


def escape_dollars(text: str) -> str:
    """``text`` with every unescaped ``$`` of its prose written as ``\\$``."""
    return "".join(_DOLLAR.sub(lambda m: m.group(1) + r"\$", chunk) if prose else chunk
                   for prose, chunk in _prose_parts(text))


def reader_text(text: str) -> str:
    """Markdown with its escaped dollars shown as a reader sees them (``\\$5`` -> ``$5``),
    for tests that look for a sentence of the prose."""
    return text.replace("\\$", "$")


def unescaped_dollars(text: str) -> list[str]:
    """Each unescaped dollar in the prose of ``text``, with the words around it."""
    found, offset = [], 0
    for prose, chunk in _prose_parts(text):
        if prose:
            for m in _DOLLAR.finditer(chunk):
                i = m.end() - 1
                found.append(chunk[max(0, i - 30):i + 30].replace("\n", " "))
        offset += len(chunk)
    return found


_MARKER = re.compile(r"^\s*(?:`{3,}|:{3,})\s*\{(solution-start|solution-end)\}")


def fold_solutions(nb) -> int:
    """Mark every cell inside a gated solution as collapsed; returns how many changed."""
    inside, changed = False, 0
    for cell in nb.cells:
        source = cell.source if isinstance(cell.source, str) else "".join(cell.source)
        m = _MARKER.match(source) if cell.cell_type == "markdown" else None
        if m:
            inside = m.group(1) == "solution-start"
            continue
        jupyter = cell.metadata.get("jupyter", {})
        want = ({"source_hidden": True, "outputs_hidden": True} if cell.cell_type == "code"
                else {"source_hidden": True}) if inside else {}
        have = {k: jupyter.get(k) for k in ("source_hidden", "outputs_hidden") if k in jupyter}
        if inside and have != want:
            cell.metadata["jupyter"] = {**jupyter, **want}
            changed += 1
        elif not inside and have:  # a cell that left a solution is shown again
            rest = {k: v for k, v in jupyter.items() if k not in ("source_hidden", "outputs_hidden")}
            if rest:
                cell.metadata["jupyter"] = rest
            else:
                cell.metadata.pop("jupyter")
            changed += 1
    return changed


_SECTION_LABEL = re.compile(r"^\((?P<label>[\w-]+)\)=[ \t]*\n#+[ \t]+(?P<heading>.+?)[ \t]*$", re.M)
_BARE_REF = re.compile(r"\{ref\}`(?P<label>[\w-]+)`")


def section_labels(notebooks) -> dict[str, str]:
    """``label -> heading`` for every ``(label)=`` placed just above a heading."""
    labels = {}
    for nb in notebooks:
        for cell in nb.cells:
            if cell.cell_type == "markdown":
                labels.update((m.group("label"), m.group("heading")) for m in _SECTION_LABEL.finditer(cell.source))
    return labels


def name_references(text: str, labels: dict[str, str]) -> str:
    """Give each bare {ref} to a known section label the heading's words."""
    def named(m):
        heading = labels.get(m.group("label"))
        if heading is None or "`" in heading or "<" in heading:
            return m.group(0)
        return f"{{ref}}`{heading} <{m.group('label')}>`"
    return _BARE_REF.sub(named, text)


def rewrite(nb, labels: dict[str, str] | None = None) -> int:
    """Apply the rewrites to ``nb`` in place; returns the number of cells changed."""
    changed = fold_solutions(nb)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            new = name_references(escape_dollars(cell.source), labels or {})
            if new != cell.source:
                cell.source = new
                changed += 1
    return changed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m aid2assets.markup", description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a notebook would change")
    args = parser.parse_args(argv)
    status = 0
    chapters = Path(__file__).resolve().parent.parent / "chapters"
    sources = sorted(set(args.notebooks) | set(chapters.glob("*.ipynb")))
    labels = section_labels(nbformat.read(p, as_version=4) for p in sources)
    for path in args.notebooks:
        nb = nbformat.read(path, as_version=4)
        changed = rewrite(nb, labels)
        if changed and args.check:
            print(f"{path}: {changed} cells to rewrite (run python -m aid2assets.markup {path})")
            status = 1
        elif changed:
            nbformat.write(nb, path)
            print(f"{path}: {changed} cells rewritten")
    return status


if __name__ == "__main__":
    sys.exit(main())
