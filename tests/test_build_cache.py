"""Work a build does once (fast: no build, no kernel): the bibliography is parsed once per
content of references.bib with no plugin lookup per name, and a student notebook is written
again only when its chapter or what it depends on changed."""

from __future__ import annotations

import copy
import types
from pathlib import Path

import nbformat
import pytest

from aid2assets.build import markup, site

BIB = """@misc{one, author = {{Kelley Drye \\& Warren}}, title = {A}, year = {2024}}
@misc{two, author = {Ann Smith and Bob Jones}, title = {B}, year = {2025}}
@misc{three, author = {A. One and B. Two and C. Three}, title = {C}, year = {2013}}
"""


@pytest.fixture
def lookups(monkeypatch):
    """Count pybtex's entry-point lookups and the bibliography's parses."""
    import pybtex.database
    import pybtex.plugin

    counts = {"plugin": 0, "parse": 0}
    load, parse = pybtex.plugin._load_entry_point, pybtex.database.parse_string

    def counted_load(*args, **kwargs):
        counts["plugin"] += 1
        return load(*args, **kwargs)

    def counted_parse(*args, **kwargs):
        counts["parse"] += 1
        return parse(*args, **kwargs)

    monkeypatch.setattr(pybtex.plugin, "_load_entry_point", counted_load)
    monkeypatch.setattr(pybtex.database, "parse_string", counted_parse)
    markup._parse_bibliography.cache_clear()
    yield counts
    markup._parse_bibliography.cache_clear()


def test_bibliography_words(tmp_path, lookups):
    bib = tmp_path / "references.bib"
    bib.write_text(BIB, encoding="utf-8")
    assert markup.bibliography(bib) == {"one": ("Kelley Drye & Warren", "2024"),
                                        "two": ("Smith and Jones", "2025"),
                                        "three": ("One et al.", "2013")}


def test_bibliography_parsed_once_per_content_without_a_lookup_per_name(tmp_path, lookups):
    bib = tmp_path / "references.bib"
    bib.write_text(BIB, encoding="utf-8")
    first = markup.bibliography(bib)
    for _ in range(5):
        assert markup.bibliography(bib) == first
    assert lookups["parse"] == 1
    assert lookups["plugin"] <= 1   # at most the bibtex parser's own, never one per name
    first["one"] = ("changed by a caller", "0")  # a caller's copy, not the cache
    assert markup.bibliography(bib)["one"] == ("Kelley Drye & Warren", "2024")
    bib.write_text(BIB.replace("2024", "2026"), encoding="utf-8")
    assert markup.bibliography(bib)["one"] == ("Kelley Drye & Warren", "2026")
    assert lookups["parse"] == 2


def _app(tmp_path, chapter):
    env = types.SimpleNamespace(found_docs={"chapters/x", "intro"},
                                doc2path=lambda d: chapter if d == "chapters/x" else tmp_path / "intro.md")
    return types.SimpleNamespace(builder=types.SimpleNamespace(format="html"), env=env,
                                 outdir=str(tmp_path / "html"), doctreedir=str(tmp_path / "doctrees"),
                                 config=types.SimpleNamespace(a2a_print=False))


def test_student_notebooks_written_only_when_their_chapter_changed(tmp_path, monkeypatch):
    from aid2assets.build import student

    chapter = tmp_path / "x.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# A chapter")]), chapter)
    written = []
    real = student.write_student_notebook

    def counted(source, outdir):
        written.append(source)
        return real(source, outdir)

    monkeypatch.setattr(student, "write_student_notebook", counted)
    app = _app(tmp_path, chapter)
    target = tmp_path / "html" / site.STUDENT_DIR / "x.ipynb"

    site._write_student_notebooks(app, None)
    assert len(written) == 1 and target.is_file()
    site._write_student_notebooks(app, None)           # nothing changed: not written again
    assert len(written) == 1

    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Changed")]), chapter)
    site._write_student_notebooks(app, None)           # the chapter changed
    assert len(written) == 2 and "Changed" in target.read_text(encoding="utf-8")

    target.unlink()                                    # the output is gone (or was replaced)
    site._write_student_notebooks(app, None)
    assert len(written) == 3 and target.is_file()
    target.write_text("{}", encoding="utf-8")
    site._write_student_notebooks(app, None)
    assert len(written) == 4 and "Changed" in target.read_text(encoding="utf-8")


def test_student_notebooks_follow_their_inputs(tmp_path, monkeypatch):
    from aid2assets.build import student

    chapter = tmp_path / "x.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# A chapter")]), chapter)
    written = []
    real = student.write_student_notebook
    monkeypatch.setattr(student, "write_student_notebook", lambda s, o: written.append(s) or real(s, o))
    app = _app(tmp_path, chapter)
    site._write_student_notebooks(app, None)
    site._write_student_notebooks(app, None)
    assert len(written) == 1
    monkeypatch.setattr(site, "_student_inputs", lambda: b"references.bib or markup.py changed")
    site._write_student_notebooks(app, None)
    assert len(written) == 2


def test_a_rebuild_with_the_same_figures_flags_no_page_for_renumbering():
    """Sphinx compares its new book-wide figure count with the one it stored; the chapter
    numbering must hand that count back, or every page is rewritten on every build."""
    from types import SimpleNamespace

    from aid2assets.build.site import _book_numbers_back, _chapter_numbers
    from aid2assets.numbering import chapters

    repo = Path(__file__).resolve().parent.parent
    first, second = chapters(repo)[:2]
    book_wide = {first: {"figure": {"fig-a": (1,), "fig-b": (2,)}},
                 second: {"figure": {"fig-c": (3,)}, "exercise": {"ex-1": (1,)}}}
    app = SimpleNamespace(srcdir=str(repo))
    env = SimpleNamespace(toc_fignumbers=copy.deepcopy(book_wide), found_docs={first, second, "glossary"})

    assert _book_numbers_back(app, env) == [] and env.toc_fignumbers == book_wide   # first build
    assert _chapter_numbers(app, env) == sorted(env.found_docs)                   # numbers are new
    assert env.toc_fignumbers[second]["figure"]["fig-c"] == (2, 1)

    # Next build: Sphinx's collector reads what is stored as its old count, then counts again.
    _book_numbers_back(app, env)
    assert env.toc_fignumbers == book_wide        # what Sphinx will compare its new count with
    env.toc_fignumbers = copy.deepcopy(book_wide)   # Sphinx's new count: the same figures
    assert _chapter_numbers(app, env) == []

    # A figure added to the first chapter: every page is written again.
    _book_numbers_back(app, env)
    env.toc_fignumbers = {first: {"figure": {"fig-a": (1,), "fig-new": (2,), "fig-b": (3,)}},
                          second: {"figure": {"fig-c": (4,)}, "exercise": {"ex-1": (1,)}}}
    assert _chapter_numbers(app, env) == sorted(env.found_docs)
    assert env.toc_fignumbers[first]["figure"]["fig-b"] == (1, 3)
