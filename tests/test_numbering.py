"""Figures and exercises numbered chapter by chapter ("Figure 3.2", "Exercise 6.3"), the same
on the site, in the stored notebooks, the student notebooks, the teacher's guide and the print
edition; every mention of one is a cross-reference (issue 22, aid2assets/numbering.py)."""

from __future__ import annotations

import copy
import html.parser
import json
import re
import shutil
from pathlib import Path

import nbformat
import pytest

from aid2assets.build import markup
from aid2assets.figures import MIME_TYPE
from aid2assets.numbering import FORMATS, Target, chapter_number, chapters, targets
from aid2assets.build.printing import root_page
from aid2assets.build.student import student_notebook

REPO = Path(__file__).resolve().parent.parent
SITE = REPO / "_build" / "html"
PRINT_PAGE = REPO / "_build" / "print" / root_page()
CHAPTERS = chapters()
TARGETS = targets()


def by_chapter(kind: str) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {d: {} for d in CHAPTERS}
    for t in TARGETS.values():
        if t.kind == kind:
            out[t.docname][t.label] = t.number
    return out


def built(docname: str) -> str:
    page = SITE / f"{docname}.html"
    if not page.exists():
        pytest.fail(f"{page} is missing: build the book first (./dev.sh build)")
    return page.read_text(encoding="utf-8")


# --- the numbering itself ----------------------------------------------------------------------

def test_chapters_are_numbered_in_the_order_of_the_book_part():
    assert CHAPTERS[0] == "chapters/overview" and chapter_number("chapters/overview") == 1
    assert chapter_number("chapters/trade_tariffs") == 3
    assert chapter_number("glossary") is None and chapter_number("teachers_guide") is None


@pytest.mark.parametrize("kind", ["figure", "exercise"])
def test_each_chapter_counts_from_one(kind):
    for n, docname in enumerate(CHAPTERS, 1):
        numbers = list(by_chapter(kind)[docname].values())
        assert numbers == [f"{n}.{k}" for k in range(1, len(numbers) + 1)], docname
    assert by_chapter("exercise")["chapters/trade_tariffs"]["trade-ex-1"] == "3.1"


def test_solution_figures_share_the_sequence_and_sketches_are_not_numbered():
    trade = by_chapter("figure")["chapters/trade_tariffs"]
    assert trade["trade-landed-cost"] == "3.4" and trade["trade-sol-imports-growth"] == "3.5"
    assert not [label for label in TARGETS if label.startswith("sketch-")]


# --- the stored notebooks: words with a marker, computed from the same numbers -----------------

FAKE = {
    "a-fig": Target("figure", "a-fig", "chapters/ch", "2.1", "fig-a-fig"),
    "b-fig": Target("figure", "b-fig", "chapters/ch", "2.2", "fig-b-fig"),
    "ch-ex-1": Target("exercise", "ch-ex-1", "chapters/ch", "2.1", "ch-ex-1"),
}
SITE_FORM = "See {numref}`a-fig` and Figures 2.1 and {numref}`%s <b-fig>`, then {numref}`ch-ex-1`."
NOTEBOOK_FORM = ("See [Figure 2.1](ch.ipynb#fig-a-fig) and Figures 2.1 and [2.2](ch.ipynb#fig-b-fig), "
                 "then [Exercise 2.1](ch.ipynb#ch-ex-1).")


def test_numrefs_round_trip_between_the_site_and_the_notebook():
    assert markup.readable_numrefs(SITE_FORM, FAKE) == NOTEBOOK_FORM
    assert markup.site_numrefs(NOTEBOOK_FORM) == SITE_FORM
    assert markup.site_markdown(NOTEBOOK_FORM) == SITE_FORM   # what the site's build reads


def test_a_reference_to_an_unknown_label_stops_the_rewrite():
    with pytest.raises(ValueError, match="no-such-fig"):
        markup.readable_numrefs("{numref}`no-such-fig`", FAKE)


def md(text):
    return nbformat.v4.new_markdown_cell(text)


def test_stale_words_are_rewritten():
    nb = nbformat.v4.new_notebook(cells=[md("As [Figure 2.1](ch.ipynb#fig-b-fig) shows.")])
    assert markup.rewrite(nb, {}, {}, FAKE) == 1
    assert nb.cells[0].source == "As [Figure 2.2](ch.ipynb#fig-b-fig) shows."
    assert markup.rewrite(nb, {}, {}, FAKE) == 0   # idempotent


def figure_output(fid):
    return nbformat.v4.new_output("display_data", data={MIME_TYPE: {"id": fid}, "text/plain": "x"})


def test_a_figure_inserted_before_a_reference_changes_its_words():
    """Insert a figure at the top of the trade chapter: every later figure moves up one, and
    the stored words of the references to them are stale until the markup is run again."""
    path = REPO / "chapters" / "trade_tariffs.ipynb"
    nb = nbformat.read(path, as_version=4)
    assert markup.rewrite(copy.deepcopy(nb)) == 0
    inserted = copy.deepcopy(nb)
    cell = nbformat.v4.new_code_cell("")
    cell.outputs = [figure_output("trade-new-first")]
    inserted.cells.insert(0, cell)
    moved = targets(notebooks={"chapters/trade_tariffs": inserted})
    assert moved["trade-landed-cost"].number == "3.5"
    before = "\n".join(c.source for c in inserted.cells if c.cell_type == "markdown")
    assert "[Figure 3.4](trade_tariffs.ipynb#fig-trade-landed-cost)" in before
    assert markup.rewrite(inserted, {}, None, moved) > 0
    after = "\n".join(c.source for c in inserted.cells if c.cell_type == "markdown")
    assert "[Figure 3.5](trade_tariffs.ipynb#fig-trade-landed-cost)" in after
    assert "[Figure 3.4](trade_tariffs.ipynb#fig-trade-landed-cost)" not in after


def test_check_fails_on_stale_words(tmp_path, capsys):
    source = REPO / "chapters" / "trade_tariffs.ipynb"
    assert markup.main(["--check", str(source)]) == 0
    nb = nbformat.read(source, as_version=4)
    stale = 0
    for cell in nb.cells:
        if cell.cell_type == "markdown" and "[Figure 3.4](trade_tariffs.ipynb#fig-trade-landed-cost)" in cell.source:
            cell.source = cell.source.replace("[Figure 3.4](", "[Figure 3.2](")
            stale += 1
    assert stale
    copy_path = tmp_path / "trade_tariffs.ipynb"
    nbformat.write(nb, copy_path)
    assert markup.main(["--check", str(copy_path)]) == 1
    assert "cells to rewrite" in capsys.readouterr().out


def exercise_headings(nb) -> dict[str, str]:
    """label -> the number in the exercise's notebook heading (``% <h4>Exercise N ...``)."""
    found = {}
    for cell in nb.cells:
        m = re.search(r":label:\s*(\S+)", cell.source) if cell.cell_type == "markdown" else None
        h = re.search(r"^% <h4>Exercise (\S+?)[ <]", cell.source, re.M) if m else None
        if h:
            found[m.group(1)] = h.group(1)
    return found


def marker_links(nb) -> list[tuple[str, str]]:
    """(words, anchor) of every numbered-reference marker link in the markdown cells."""
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    return re.findall(r"\[((?:Figure|Exercise) \d+\.\d+|\d+\.\d+)\]\([\w-]+\.ipynb#([\w-]+)\)", text)


def check_marker_links(links):
    anchors = {t.anchor: t for t in TARGETS.values()}
    for words, anchor in links:
        assert anchor in anchors, anchor
        assert words.split()[-1] == anchors[anchor].number, (words, anchor)


@pytest.mark.parametrize("docname", CHAPTERS)
def test_stored_notebook_and_student_notebook_use_the_book_numbers(docname):
    nb = nbformat.read(REPO / f"{docname}.ipynb", as_version=4)
    expected = by_chapter("exercise")[docname]
    assert exercise_headings(nb) == expected
    folds = re.findall(r"^##### Solution to Exercise (\S+)$", "\n".join(c.source for c in nb.cells), re.M)
    assert set(folds) <= set(expected.values())
    check_marker_links(marker_links(nb))
    student = student_notebook(nb, docname)
    assert exercise_headings(student) == expected
    check_marker_links(marker_links(student))


def test_the_stored_pictures_carry_their_numbers():
    """The PNG's title is drawn with the figure's number; the output records which number it
    drew (metadata, which nbval does not compare), and it must be the book's."""
    for docname in CHAPTERS:
        nb = nbformat.read(REPO / f"{docname}.ipynb", as_version=4)
        for cell in nb.cells:
            for out in cell.get("outputs", []):
                payload = out.get("data", {}).get(MIME_TYPE)
                if not payload:
                    continue
                fid = (json.loads(payload) if isinstance(payload, str) else payload)["id"]
                drawn = out.get("metadata", {}).get("aid2assets", {}).get("figure_number")
                if fid.startswith("sketch-"):
                    assert drawn is None
                else:
                    assert drawn == TARGETS[fid].number, (docname, fid, "re-run ./dev.sh execute")


# --- the built site ----------------------------------------------------------------------------

NUMREF = re.compile(r'<a class="reference internal" href="(?P<href>[^"]*)"><span class="std std-numref">'
                    r"(?P<words>[^<]*)</span></a>")


def site_pages() -> list[Path]:
    if not SITE.exists():
        pytest.fail(f"{SITE} is missing: build the book first (./dev.sh build)")
    return sorted(p for p in SITE.rglob("*.html") if not p.relative_to(SITE).parts[0].startswith(("_", "student")))


@pytest.mark.site   # reads the built site or print edition
@pytest.mark.parametrize("docname", CHAPTERS)
def test_site_numbers_figures_and_exercises_as_the_notebooks_do(docname):
    page = built(docname)
    figures = dict(re.findall(r'id="fig-([\w-]+)"[^>]*><p class="a2a-title"[^>]*><span class="a2a-fignum">'
                              r"Figure (\d+\.\d+)\.</span>", page))
    assert figures == by_chapter("figure")[docname]
    exercises = dict(re.findall(r'id="([\w-]+)">\s*<p class="admonition-title"><span class="caption-number">'
                                r"Exercise (\d+\.\d+) </span>", page))
    assert exercises == by_chapter("exercise")[docname]


@pytest.mark.site   # reads the built site or print edition
def test_every_numbered_reference_on_the_site_links_to_its_target_with_its_number():
    anchors = {t.anchor: t for t in TARGETS.values()}
    seen = 0
    for page in site_pages():
        for m in NUMREF.finditer(page.read_text(encoding="utf-8")):
            path, _, anchor = m.group("href").partition("#")
            target = anchors.get(anchor)
            if target is None:
                continue
            seen += 1
            assert m.group("words") == target.words, (page.name, anchor)
            here = page.relative_to(SITE).with_suffix("").as_posix()
            linked = (page.parent / path).resolve().relative_to(SITE.resolve()).with_suffix("").as_posix() if path else here
            assert linked == target.docname, (page.name, m.group(0))
    assert seen >= 90


@pytest.mark.site   # reads the built site or print edition
def test_the_teachers_guide_cites_every_exercise_by_its_number():
    page = built("teachers_guide")
    cited = {m.group("href").split("#")[1]: m.group("words") for m in NUMREF.finditer(page)}
    for t in TARGETS.values():
        if t.kind == "exercise":
            assert cited.get(t.label) == t.words, t.label


class Prose(html.parser.HTMLParser):
    """The text of a page's article that a reader sees as prose: code, cell outputs, the words of
    numbered references (numref links, generated titles and caption numbers) left out."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
    SKIP_TAGS = {"script", "style", "pre", "code", "noscript", "svg"}
    SKIP_CLASSES = {"std-numref", "caption-number", "a2a-fignum", "admonition-title", "cell_output", "highlight"}

    def __init__(self):
        super().__init__()
        self.stack, self.skipping, self.inside, self.text = [], 0, 0, []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        attrs = dict(attrs)
        classes = set((attrs.get("class") or "").split())
        article = tag == "article" or "bd-article" in classes
        skip = tag in self.SKIP_TAGS or bool(classes & self.SKIP_CLASSES)
        self.stack.append((tag, skip, article))
        self.skipping += skip
        self.inside += article

    def handle_endtag(self, tag):
        while self.stack:
            name, skip, article = self.stack.pop()
            self.skipping -= skip
            self.inside -= article
            if name == tag:
                break

    def handle_data(self, data):
        if self.inside and not self.skipping:
            self.text.append(data)


HAND_NUMBER = re.compile(r"\b(Figures?|Tables?|Exercises?)\s+\d+(?!\s+of\s)")


def hand_typed(page_text: str) -> list[str]:
    parser = Prose()
    parser.feed(page_text)
    text = " ".join(" ".join(parser.text).split())
    return [text[max(0, m.start() - 40):m.end() + 20] for m in HAND_NUMBER.finditer(text)]


def test_hand_typed_numbers_are_caught():
    assert hand_typed('<article class="bd-article"><p>As Figure 2 shows, and Exercise 26.</p></article>')
    assert not hand_typed('<article class="bd-article"><p>As <a class="reference internal" href="#fig-x">'
                          '<span class="std std-numref">Figure 3.2</span></a> shows; see Table 2 of the CRS'
                          ' report.</p></article>')


@pytest.mark.site   # reads the built site or print edition
def test_no_figure_table_or_exercise_number_in_the_prose_is_typed_by_hand():
    found = {}
    for page in site_pages():
        hits = hand_typed(page.read_text(encoding="utf-8"))
        if hits:
            found[page.relative_to(SITE).as_posix()] = hits
    assert not found


# --- the print edition --------------------------------------------------------------------------

@pytest.mark.site   # reads the built site or print edition
def test_print_captions_show_the_numbers():
    if not PRINT_PAGE.exists():
        pytest.fail(f"{PRINT_PAGE} is missing: run ./dev.sh print")
    page = PRINT_PAGE.read_text(encoding="utf-8")
    printed = dict(re.findall(r'<figure class="a2a-print-figure" id="fig-([\w-]+)"><p class="a2a-title">'
                              r'<span class="a2a-fignum">Figure (\d+\.\d+)\.</span>', page))
    assert printed == {t.label: t.number for t in TARGETS.values() if t.kind == "figure"}
    exercises = re.findall(r'<span class="caption-number">Exercise (\d+\.\d+) </span>', page)
    assert exercises == [t.number for t in TARGETS.values() if t.kind == "exercise"]
