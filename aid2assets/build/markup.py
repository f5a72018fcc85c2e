"""Chapter markdown that reads the same on the site and in every notebook front end.

Rewrites of a chapter notebook's markdown cells (never the source of a code cell), all idempotent
(running them again changes nothing), so they can be re-run after any edit to the prose or a
merge::

    python -m aid2assets.build.markup chapters/*.ipynb          # rewrite in place
    python -m aid2assets.build.markup --check chapters/*.ipynb  # exit 1 if anything would change

1. **Dollars.** JupyterLab, Notebook 7, Colab and GitHub typeset the text between two ``$``
   signs as TeX, so "obligations of $1.24 billion but disbursements of $0.77 billion" turns
   into italic math. Every ``$`` in a markdown cell's prose becomes ``\\$``, a literal dollar
   in CommonMark, MyST (the site) and every front end alike. Code spans, role contents and
   fenced blocks are left alone: there a backslash would be shown.

2. **Exercises as one-cell blocks.** jupyterlab-myst draws the gated ``{exercise-start}`` and
   ``{exercise-end}`` markers as two boxes, "Start of Exercise N (title)" and "End of
   Exercise", around cells it cannot enclose. Every gated exercise becomes one ``{exercise}``
   cell holding its markdown (title and ``:label:`` kept), with its starter code cells just
   after the block (the site's build gates it again around them). The cell ends
   with a MyST comment holding an HTML heading, ``% <h4>Exercise N (title)</h4>``: MyST drops
   comments (on the site and in jupyterlab-myst), but JupyterLab finds the heading in the
   cell's source, which makes the exercise a foldable section in JupyterLab's table of
   contents and ends the fold of the solution before it (below).

3. **Solutions folded, also after Run All.** The notebook format's own flags
   (``jupyter.source_hidden``/``outputs_hidden``) fold a cell only until it runs: JupyterLab's
   ``CodeCell.execute`` sets ``outputHidden = false`` on every run, so Run All showed every
   solution's output again. What JupyterLab 4 and Notebook 7 keep folded is a **collapsed
   heading**: a markdown cell whose metadata says ``"jp-MarkdownHeadingCollapsed": true``
   hides every cell after it up to the next heading of its level or higher
   (``NotebookActions.setHeadingCollapse``); those cells still run with Run All, and nothing
   in a run opens them again (``runAll`` only expands the section of the last cell, where it
   leaves the cursor). So the ``{solution-start}`` cell of each solution with code becomes a
   collapsed heading, "##### Solution to Exercise N" (same cell id, tagged
   ``a2a-solution-fold``, the directive kept in its metadata under ``aid2assets``), and its
   ``{solution-end}`` goes: the solution runs to the next heading, exactly as far as
   JupyterLab folds it (the exercise after it, or "Discussion questions"; a heading inside a
   solution, or prose after one, stops the rewrite). jupyterlab-myst would draw the gated
   markers as an empty "Start of Solution" dropdown and an empty box, so the notebook keeps
   neither; the site's build puts them back (:func:`site_notebook`), and sphinx-exercise folds
   the solution into a dropdown as before, its code run and its outputs shown; the student
   notebook is made from the same form. The reader opens a solution with its "N cells hidden"
   button or the arrow beside the heading; stepping into it with Shift+Enter opens it too, as
   any collapsed section. A solution of markdown only becomes a one-cell ``{solution}``
   directive, which jupyterlab-myst draws as a closed dropdown. Checked in the client
   (tests/test_notebooks_jupyterlab.py: folded on opening and after Run All, open on a click),
   in JupyterLab 4.6 and, by hand, Notebook 7.6 (same notebook widgets).

4. **Citations and glossary terms in words.** jupyterlab-myst has no bibliography and no
   glossary, so ``{cite:p}`key``` showed the bare key and ``{term}`` a link to nowhere. In the
   stored notebook a citation is a link whose words are its author and year,
   ``[(Epstein and Kronstadt, 2013)](../references.md#cite:p=crs-pakistan-aid-2013)``, and a
   term a link to the glossary, ``[appropriates](../glossary.md#term-Appropriation)``: readable
   in every front end (GitHub and Colab included). The site's build turns them back into
   exactly the roles they were (:func:`site_markdown`, applied by ``aid2assets.build.site`` before
   MyST-NB parses a notebook), so sphinxcontrib-bibtex and the glossary render, link and list
   them as before. A citation of a key missing from references.bib stops the rewrite.

5. **Cross-references with their words.** A bare ``{ref}`label``` takes its words from the
   section it points to; in a notebook that section is in another file, so jupyterlab-myst
   can only print the label ("trade-lowest-claim"). A bare reference to a section label,
   ``(label)=`` above a heading in any chapter, is given the heading's words,
   ``{ref}`Heading <label>```: the site shows the same words, the notebook no longer a label.

6. **Figures and exercises by their numbers.** A ``{numref}`label``` to a figure or an
   exercise (:mod:`aid2assets.numbering`: "Figure 3.2" is the second figure of chapter 3) is
   stored as a link whose words are the reference as the site prints it and whose address is
   the target on its chapter, ``[Figure 3.4](trade_tariffs.ipynb#fig-trade-landed-cost)``,
   ``[Exercise 6.2](diplomacy.ipynb#diplomacy-ex-2)``. A link of that shape (words "Figure
   N.N", "Exercise N.N" or "N.N", address a chapter notebook and an anchor) is the marker: the
   site's build reads it as the role again (``{numref}`%s <label>``` when the words are only
   the number), and a rewrite writes the words from the current numbers, so ``--check``
   fails on words left stale by a figure or an exercise inserted before them. The exercises'
   comment headings and the solutions' fold headings carry the same numbers, and each exercise
   block an ``:enumerator:`` option with its number, which jupyterlab-myst shows in the box's
   title instead of its own count (the site's form drops the option).

Other MyST constructs the chapters use ({doc} with its own words, {admonition}) render
readably with jupyterlab-myst as they are, and are not rewritten.
"""

from __future__ import annotations

import argparse
import copy
import functools
import html
import re
import sys
from pathlib import Path

import nbformat
from urllib.parse import quote, unquote

from ..paths import REPO_ROOT

__all__ = ["escape_dollars", "reader_text", "unescaped_dollars", "exercises_as_blocks", "fold_solutions",
           "mark_exercises", "readable_roles", "readable_numrefs", "site_numrefs", "site_markdown", "site_notebook", "bibliography", "cite_text", "rewrite", "main"]

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
    and citations and glossary terms in the roles the site reads (:func:`site_markdown`), for
    tests that look for a sentence of the prose."""
    return site_markdown(text).replace("\\$", "$")


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


_DIRECTIVE = re.compile(r"^(?P<fence>`{3,}|:{3,})\{(?P<name>[\w-]+)\}[ \t]*(?P<arg>[^\n]*)\n"
                        r"(?P<opts>(?:[ \t]*:[\w-]+:[^\n]*\n)*)")
FOLD_TAG = "a2a-solution-fold"      # the notebook-only heading that folds a worked solution
EXERCISE_LEVEL, FOLD_LEVEL = 4, 5   # below the chapters' "### Exercises", the fold one level lower
_EXERCISE_HEADING = re.compile(r"\n*^% <h\d>.*</h\d>[ \t]*\Z", re.M)
_CODE_FENCE = re.compile(r"^(`{3,}|~{3,})[^\n]*\n.*?(?:^\1[ \t]*$|\Z)", re.M | re.S)


def heading_level(source: str) -> int | None:
    """The level of the highest heading JupyterLab finds in a markdown cell, or None.

    As JupyterLab's collapsible headings see it (``parseHeadings`` over the marked lexer):
    ATX and setext headings and HTML ``<h1>``-``<h6>``, anywhere outside backtick or tilde
    fences; a MyST directive's fence is a code block there, so headings inside it do not count.
    """
    text = _CODE_FENCE.sub("", source)
    levels = [len(m) for m in re.findall(r"^ {0,3}(#{1,6})(?:[ \t]|$)", text, re.M)]
    levels += [1 if u[0] == "=" else 2 for u in re.findall(r"^[^\s\n][^\n]*\n {0,3}(={2,}|-{2,})[ \t]*$", text, re.M)]
    levels += [int(n) for n in re.findall(r"<h([1-6])\b", text, re.I)]
    return min(levels) if levels else None


def _ends_fold(cell) -> bool:
    level = heading_level(cell.source) if cell.cell_type == "markdown" else None
    return level is not None and level <= FOLD_LEVEL


def _directive(cell):
    """``(name, argument, options text, match)`` of a markdown cell that opens with a directive."""
    if cell.cell_type != "markdown":
        return None
    m = _DIRECTIVE.match(cell.source)
    return (m.group("name"), m.group("arg").strip(), m.group("opts"), m) if m else None


def _label(opts: str) -> str | None:
    m = re.search(r"^[ \t]*:label:[ \t]*(\S+)", opts, re.M)
    return m.group(1) if m else None


def _block(name: str, arg: str, opts: str, body: str) -> str:
    """A one-cell directive holding ``body``, fenced longer than any fence inside it."""
    runs = [len(r) for r in re.findall(r"^[ \t]*(`{3,})", body, re.M)]
    fence = "`" * max([3] + [r + 1 for r in runs])
    return f"{fence}{{{name}}} {arg}".rstrip() + f"\n{opts}\n{body.strip()}\n{fence}"


def exercises_as_blocks(nb) -> int:
    """Turn each gated exercise into a one-cell ``{exercise}`` directive; returns cells changed.

    The markdown cells that open the exercise become the directive's body; the starter code
    cells that follow it (and anything after them) stay cells, just after the block.
    """
    cells, changed, i = [], 0, 0
    while i < len(nb.cells):
        d = _directive(nb.cells[i])
        if not (d and d[0] == "exercise-start"):
            cells.append(nb.cells[i])
            i += 1
            continue
        end = next((j for j in range(i + 1, len(nb.cells)) if (_directive(nb.cells[j]) or ("",))[0] == "exercise-end"), None)
        if end is None:
            raise ValueError(f"cell {i}: exercise-start never closed by an exercise-end")
        inner = nb.cells[i + 1:end]
        k = next((n for n, c in enumerate(inner) if c.cell_type != "markdown"), len(inner))
        head = nb.cells[i]
        head.source = _block("exercise", d[1], d[2], "\n\n".join(c.source.strip() for c in inner[:k]))
        cells.append(head)
        cells.extend(inner[k:])
        changed += 1 + k + 1
        i = end + 1
    nb.cells = cells
    return changed


def _exercise_numbers(nb, targets: dict | None = None) -> dict[str, str]:
    """Exercise label -> its number: the book's ("3.1", :mod:`aid2assets.numbering`) for a
    label it knows, else the exercise's place in the notebook ("1")."""
    numbers, n = {}, 0
    for cell in nb.cells:
        d = _directive(cell)
        if d and d[0] in ("exercise", "exercise-start"):
            n += 1
            label = _label(d[2])
            if label:
                known = (targets or {}).get(label)
                numbers[label] = known.number if known is not None and known.kind == "exercise" else str(n)
    return numbers


def mark_exercises(nb, targets: dict | None = None) -> int:
    """End each ``{exercise}`` cell with a MyST comment holding an HTML heading.

    MyST hides the comment (on the site and in jupyterlab-myst), but JupyterLab's collapsible
    headings find the heading in the cell's source: the exercise becomes a foldable section
    (listed in JupyterLab's table of contents) and ends the fold of the solution before it.
    """
    changed, n = 0, 0
    numbers = _exercise_numbers(nb, targets)
    for cell in nb.cells:
        d = _directive(cell)
        if not (d and d[0] == "exercise"):
            continue
        n += 1
        title = html.escape(reader_text(d[1]), quote=False)
        number = numbers.get(_label(d[2]), str(n))
        heading = f"<h{EXERCISE_LEVEL}>Exercise {number}" + (f" ({title})" if title else "") + f"</h{EXERCISE_LEVEL}>"
        new = _EXERCISE_HEADING.sub("", cell.source).rstrip() + f"\n% {heading}"
        known = (targets or {}).get(_label(d[2]) or "")
        if known is not None and known.kind == "exercise":
            # jupyterlab-myst numbers exercises itself (1, 2, ... in each notebook); an explicit
            # enumerator makes its box read the book's number. The site's form drops the option.
            m = _DIRECTIVE.match(new)
            opts = _ENUMERATOR.sub("", m.group("opts")) + f":enumerator: {known.number}\n"
            new = new[:m.start("opts")] + opts + new[m.end("opts"):]
        if new != cell.source:
            cell.source = new
            changed += 1
    return changed


_ENUMERATOR = re.compile(r"^[ \t]*:enumerator:[^\n]*\n", re.M)


def _fold_words(number: str | None) -> str:
    return f"{'#' * FOLD_LEVEL} " + (f"Solution to Exercise {number}" if number else "Worked solution")


def _drop_hidden_flags(cell) -> bool:
    jupyter = cell.metadata.get("jupyter")
    if not jupyter or not {"source_hidden", "outputs_hidden"} & set(jupyter):
        return False
    rest = {k: v for k, v in jupyter.items() if k not in ("source_hidden", "outputs_hidden")}
    if rest:
        cell.metadata["jupyter"] = rest
    else:
        cell.metadata.pop("jupyter")
    return True


def _fold_marker(cell) -> str | None:
    """The ``{solution-start}`` directive a fold heading stands for, or None."""
    if cell.cell_type != "markdown" or FOLD_TAG not in cell.metadata.get("tags", []):
        return None
    return cell.metadata.get("aid2assets", {}).get("solution-start")


def fold_solutions(nb, targets: dict | None = None) -> int:
    """Fold every worked solution under a collapsed heading; returns how many cells changed.

    A gated solution with code becomes a collapsed heading cell, "Solution to Exercise N",
    standing for its ``{solution-start}`` (the directive is kept in the cell's metadata, and
    the cell keeps its id), then the solution's cells; its ``{solution-end}`` goes, as the
    solution ends where JupyterLab's fold does, at the next heading. A solution of markdown
    only becomes a one-cell ``{solution}`` directive (jupyterlab-myst draws it as a closed
    dropdown). Raises ValueError where JupyterLab would fold too little or too much: a heading
    inside a solution, or a solution not followed by a heading (an exercise's or a section's).
    """
    numbers = _exercise_numbers(nb, targets)
    changed = sum(_drop_hidden_flags(c) for c in nb.cells)
    cells, i = [], 0
    while i < len(nb.cells):
        cell = nb.cells[i]
        d = _directive(cell)
        marker = _fold_marker(cell)
        if FOLD_TAG in cell.metadata.get("tags", []) and not marker:  # an older fold, without its directive
            changed += 1
            i += 1
            continue
        if not (marker or (d and d[0] == "solution-start")):
            cells.append(cell)
            i += 1
            continue
        start = marker or cell.source
        of = _directive(nbformat.v4.new_markdown_cell(start))[1]
        if marker:   # already folded: the solution runs to the next heading
            end = next((j for j in range(i + 1, len(nb.cells)) if _ends_fold(nb.cells[j])), len(nb.cells))
            inner, after = nb.cells[i + 1:end], end
        else:
            end = next((j for j in range(i + 1, len(nb.cells)) if (_directive(nb.cells[j]) or ("",))[0] == "solution-end"), None)
            if end is None:
                raise ValueError(f"cell {i}: solution-start never closed by a solution-end")
            inner, after = nb.cells[i + 1:end], end + 1
            changed += 1
            inside = [k for k, c in enumerate(inner, i + 1) if _ends_fold(c)]
            if inside:
                raise ValueError(f"cell {inside[0]}: a heading inside a worked solution would end its fold in JupyterLab")
        if not marker and all(c.cell_type == "markdown" for c in inner):
            cell.source = _block("solution", of, _directive(cell)[2], "\n\n".join(c.source.strip() for c in inner))
            cells.append(cell)
            changed += len(inner)
            i = after
            continue
        words = _fold_words(numbers.get(of))
        meta = {"jp-MarkdownHeadingCollapsed": True, "tags": [FOLD_TAG], "aid2assets": {"solution-start": start}}
        if cell.source != words or cell.metadata != meta:
            cell.source, cell.metadata = words, meta
            changed += 1
        cells.extend([cell, *inner])
        if after < len(nb.cells) and not _ends_fold(nb.cells[after]):
            raise ValueError(f"cell {after}: the cell after a worked solution must be a heading or an "
                             "exercise, or JupyterLab would fold it into the solution")
        i = after
    nb.cells = cells
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


_CITE_ROLE = re.compile(r"\{cite(?::(?P<kind>[pt]))?\}`(?P<keys>[^`]+)`")
_TERM_ROLE = re.compile(r"\{term\}`(?P<body>[^`]+)`")
_CITE_LINK = re.compile(r"\[(?P<text>[^\]\n]*)\]\(\.\./references\.md#cite(?::(?P<kind>[pt]))?=(?P<keys>[^)\s]+)\)")
_TERM_LINK = re.compile(r"\[(?P<text>[^\]\n]*)\]\(\.\./glossary\.md#term-(?P<term>[^)\s]+)\)")
BIBLIOGRAPHY = REPO_ROOT / "references.bib"


def bibliography(path: Path = BIBLIOGRAPHY) -> dict[str, tuple[str, str]]:
    """``key -> (authors, year)`` of every entry of references.bib, as a citation names them.

    Parsed once per content of the file (a build asks for it once per notebook), and every
    name is rendered by pybtex's plain-text backend directly: ``Text.render_as("text")`` would
    look the backend up among every installed package's entry points on each call.
    """
    return dict(_parse_bibliography(Path(path).read_text(encoding="utf-8")))


@functools.lru_cache(maxsize=4)
def _parse_bibliography(text: str) -> tuple[tuple[str, tuple[str, str]], ...]:
    from pybtex.backends.plaintext import Backend
    from pybtex.database import parse_string
    from pybtex.richtext import Text

    backend = Backend()

    def plain(latex: str) -> str:  # "{Kelley Drye \\& Warren}" -> "Kelley Drye & Warren"
        return Text.from_latex(latex).render(backend)

    entries = []
    for key, entry in parse_string(text, "bibtex").entries.items():
        names = [plain(" ".join(p.prelast_names + p.last_names)) for p in entry.persons.get("author", [])]
        authors = (names[0] if len(names) == 1 else " and ".join(names) if len(names) == 2
                   else f"{names[0]} et al." if names else key)
        entries.append((key, (authors, plain(entry.fields.get("year", "n.d.")))))
    return tuple(entries)


def cite_text(keys: str, kind: str | None, bib: dict[str, tuple[str, str]]) -> str:
    """The words a reader sees for a citation: "(Author, 2013; Other, 2014)", or "Author (2013)"."""
    unknown = [k.strip() for k in keys.split(",") if k.strip() not in bib]
    if unknown:
        raise ValueError(f"citation of {', '.join(unknown)}: no such entry in references.bib")
    works = [bib[k.strip()] for k in keys.split(",")]
    if kind == "t":
        return ", ".join(f"{a} ({y})" for a, y in works)
    return "(" + "; ".join(f"{a}, {y}" for a, y in works) + ")"


def _outside_code(text: str, fn) -> str:
    """``fn`` applied to the markdown of ``text`` but not to its fenced code blocks (a
    directive's fence is markdown: its title and body are rewritten too)."""
    out, pos = [], 0
    for m in _FENCE.finditer(text):
        out.append(fn(text[pos:m.start()]))
        block, fence = m.group(0), m.group("fence")
        first, rest = block.split("\n", 1)
        if re.match(r"(`{3,}|~{3,})\s*\{[\w:-]+\}", first):
            cut = rest.rstrip().rfind(fence)
            out.append(fn(first) + "\n" + _outside_code(rest[:cut], fn) + rest[cut:])
        else:
            out.append(block)
        pos = m.end()
    out.append(fn(text[pos:]))
    return "".join(out)


_NUMREF_ROLE = re.compile(r"\{numref\}`(?P<body>[^`]+)`")
_NUMBER = re.compile(r"\d+\.\d+")
_NUMREF_LINK = re.compile(r"\[(?P<text>(?:(?:Figure|Exercise) )?\d+\.\d+)\]\((?P<doc>[\w-]+)\.ipynb#(?P<anchor>[\w-]+)\)")


def readable_numrefs(text: str, targets: dict) -> str:
    """Each ``{numref}`` to a figure or exercise as a link with its words ("Figure 3.4")."""
    from ..numbering import FORMATS

    def link(m):
        body = m.group("body").strip()
        template, label = (body.rsplit("<", 1) if body.endswith(">") and "<" in body else (None, body))
        label = label.rstrip(">").strip()
        target = targets.get(label)
        if target is None:
            raise ValueError(f"{{numref}}`{body}`: no figure or exercise labelled {label!r} in the book's chapters")
        words = (template.strip() if template else FORMATS[target.kind]) % target.number
        return f"[{words}]({target.docname.rsplit('/', 1)[-1]}.ipynb#{target.anchor})"
    return _NUMREF_ROLE.sub(link, text)


def site_numrefs(text: str) -> str:
    """The inverse of :func:`readable_numrefs`: each marker link as the ``{numref}`` role."""
    from ..numbering import FORMATS

    def role(m):
        anchor = m.group("anchor")
        kind, label = ("figure", anchor[4:]) if anchor.startswith("fig-") else ("exercise", anchor)
        template = _NUMBER.sub("%s", m.group("text"), count=1)
        return f"{{numref}}`{label}`" if template == FORMATS[kind] else f"{{numref}}`{template} <{label}>`"
    return _NUMREF_LINK.sub(role, text)


def readable_roles(text: str, bib: dict[str, tuple[str, str]], targets: dict | None = None) -> str:
    """Citations, glossary terms and (given ``targets``) numbered references as links with a
    reader's words (see the module's docstring)."""
    def cite(m):
        kind = m.group("kind")
        return f"[{cite_text(m.group('keys'), kind, bib)}](../references.md#cite{':' + kind if kind else ''}={m.group('keys').replace(' ', '')})"

    def term(m):
        body = m.group("body")
        words, target = (body.rsplit("<", 1) if body.rstrip().endswith(">") and "<" in body else (body, body))
        words, target = words.strip(), target.rstrip().rstrip(">").strip()
        return f"[{words}](../glossary.md#term-{quote(target, safe='')})"

    def all_roles(t):
        t = _TERM_ROLE.sub(term, _CITE_ROLE.sub(cite, t))
        return readable_numrefs(t, targets) if targets is not None else t
    return _outside_code(text, all_roles)


def site_markdown(text: str) -> str:
    """The inverse of :func:`readable_roles`: the roles the site's Sphinx build reads
    (``aid2assets.build.site`` applies it to every notebook before MyST-NB parses it)."""
    def cite(m):
        kind = m.group("kind")
        return f"{{cite{':' + kind if kind else ''}}}`{m.group('keys')}`"

    def term(m):
        words, target = m.group("text").replace("\\$", "$"), unquote(m.group("term"))
        return f"{{term}}`{target}`" if words == target else f"{{term}}`{words} <{target}>`"
    return site_numrefs(_TERM_LINK.sub(term, _CITE_LINK.sub(cite, text)))


def _block_parts(cell):
    """``(name, argument, options, body)`` of a one-cell ``{exercise}`` or ``{solution}``."""
    d = _directive(cell)
    if not (d and d[0] in ("exercise", "solution")):
        return None
    fence = d[3].group("fence")
    rest = _EXERCISE_HEADING.sub("", cell.source[d[3].end():]).rstrip()
    if not rest.endswith(fence):
        return None
    return d[0], d[1], d[2], rest[:-len(fence)].strip()


def site_notebook(nb, roles: bool = True):
    """The notebook as the site's build reads it: a copy of ``nb`` undoing what only the
    notebook edition needs, so that the site renders exactly what it did before.

    Citations and terms become roles again (:func:`site_markdown`); each one-cell
    ``{exercise}`` becomes the gated ``{exercise-start}``/``{exercise-end}`` pair again, around
    its markdown and the starter code cells just after it (inside the exercise's box on the
    site); a one-cell ``{solution}`` becomes gated too; the exercises' comment headings and the
    notebook-only fold headings are left out. ``aid2assets.build.site`` applies it to every notebook
    before MyST-NB parses it, and :func:`rewrite` of the result gives ``nb`` back. With
    ``roles=False`` citations and terms keep their links (the student notebook's way).
    """
    nb = copy.deepcopy(nb)
    cells, i = [], 0
    while i < len(nb.cells):
        cell = nb.cells[i]
        i += 1
        marker = _fold_marker(cell)
        if marker:   # a folded solution: gated again, up to the next heading
            start = nbformat.v4.new_markdown_cell(marker)
            start["id"] = cell.get("id", "solution")
            end = next((j for j in range(i, len(nb.cells)) if _ends_fold(nb.cells[j])), len(nb.cells))
            inner = nb.cells[i:end]
            for c in inner:
                if c.cell_type == "markdown" and roles:
                    c.source = site_markdown(c.source)
            close = nbformat.v4.new_markdown_cell("```{solution-end}\n```")
            close["id"] = f"{start['id']}-end"
            cells.extend([start, *inner, close])
            i = end
            continue
        if cell.cell_type == "markdown" and roles:
            cell.source = site_markdown(cell.source)
        parts = _block_parts(cell)
        if parts is None:
            cells.append(cell)
            continue
        name, arg, opts, body = parts
        opts = _ENUMERATOR.sub("", opts)   # the notebook's own numbering; sphinx-exercise numbers the site
        cell.source = f"```{{{name}-start}} {arg}".rstrip() + f"\n{opts}```"
        inner = [nbformat.v4.new_markdown_cell(body)] if body else []
        for k, c in enumerate(inner):
            c["id"] = f"{cell.get('id', name)}-body"
        while name == "exercise" and i < len(nb.cells) and nb.cells[i].cell_type == "code":
            inner.append(nb.cells[i])
            i += 1
        end = nbformat.v4.new_markdown_cell(f"```{{{name}-end}}\n```")
        end["id"] = f"{cell.get('id', name)}-end"
        cells.extend([cell, *inner, end])
    nb.cells = cells
    return nb


def rewrite(nb, labels: dict[str, str] | None = None, bib: dict[str, tuple[str, str]] | None = None,
            targets: dict | None = None) -> int:
    """Apply the rewrites to ``nb`` in place; returns the number of cells changed.

    ``targets`` are the book's numbered figures and exercises (:func:`aid2assets.numbering.targets`;
    by default those of the stored chapters, when the book's ``_toc.yml`` is there)."""
    if targets is None:
        from ..numbering import targets as book_targets
        from ..paths import REPO_ROOT

        targets = book_targets() if (REPO_ROOT / "_toc.yml").exists() else {}
    changed = exercises_as_blocks(nb)
    changed += mark_exercises(nb, targets)   # before the folds: an exercise's heading ends the fold above it
    changed += fold_solutions(nb, targets)
    if bib is None and BIBLIOGRAPHY.exists():
        bib = bibliography()
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            # through the site's form and back, so that a citation's words follow references.bib
            # (without references.bib, as in an installed package, links keep their words)
            text = site_markdown(cell.source) if bib is not None else cell.source
            new = name_references(escape_dollars(readable_roles(text, bib or {}, targets)), labels or {})
            if new != cell.source:
                cell.source = new
                changed += 1
    return changed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m aid2assets.build.markup", description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a notebook would change")
    args = parser.parse_args(argv)
    status = 0
    chapters = REPO_ROOT / "chapters"
    sources = sorted(set(args.notebooks) | set(chapters.glob("*.ipynb")))
    labels = section_labels(nbformat.read(p, as_version=4) for p in sources)
    bib = bibliography()
    from ..numbering import docname_of, targets as book_targets

    for path in args.notebooks:
        nb = nbformat.read(path, as_version=4)
        try:
            docname = docname_of(path)
            targets = book_targets(notebooks={docname: nb} if docname else None)
            changed = rewrite(nb, labels, bib, targets)
        except ValueError as err:
            print(f"{path}: {err}", file=sys.stderr)
            return 2
        if changed and args.check:
            print(f"{path}: {changed} cells to rewrite (run python -m aid2assets.build.markup {path})")
            status = 1
        elif changed:
            nbformat.write(nb, path)
            print(f"{path}: {changed} cells rewritten")
    return status


if __name__ == "__main__":
    sys.exit(main())
