"""The bibliography and the glossary: every citation and term resolves, and every chapter uses them.

The build (``-W -n``) already fails on an unknown citation key or glossary term; these tests
say which chapter and which key, check what the build cannot (the data sources' entries agree
with ``data/sources.csv``; every chapter cites and links at least once), and read the built
pages to make sure the links really point somewhere.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from toc_support import toc_files

from aid2assets import load
from aid2assets.build.markup import site_markdown

REPO = Path(__file__).resolve().parent.parent
SITE = REPO / "_build" / "html"
CITE = re.compile(r"\{cite(?::[pt])?\}`([^`]+)`")
TERM = re.compile(r"\{term\}`([^`]+)`")


def bib_entries() -> dict[str, dict[str, str]]:
    """Key -> fields of each entry in references.bib (a small parser for the book's own style)."""
    text = (REPO / "references.bib").read_text(encoding="utf-8")
    entries = {}
    for m in re.finditer(r"@(\w+)\{([^,\s]+),\n(.*?)\n\}", text, re.S):
        fields = dict(re.findall(r"^\s+(\w+) = \{(.*)\},?$", m.group(3), re.M))
        entries[m.group(2)] = {k: v.strip("{}") for k, v in fields.items()}
    return entries


def chapters() -> list[str]:
    return [f for f in toc_files() if f.startswith("chapters/")]


def markdown(chapter: str) -> str:
    """A chapter's markdown as the site reads it: its citations and terms as roles again."""
    nb = nbformat.read(REPO / f"{chapter}.ipynb", as_version=4)
    return site_markdown("\n".join(c.source for c in nb.cells if c.cell_type == "markdown"))


def glossary_terms() -> set[str]:
    text = (REPO / "glossary.md").read_text(encoding="utf-8")
    body = text.split("```{glossary}", 1)[1].split("```", 1)[0]
    return {line.strip() for line in body.splitlines() if line.strip() and not line.startswith(" ")}


def test_bib_parser_reads_every_entry():
    text = (REPO / "references.bib").read_text(encoding="utf-8")
    entries = bib_entries()
    assert len(entries) == text.count("\n@") + text.startswith("@")
    assert all({"author", "title", "year"} <= set(f) for f in entries.values())


def test_every_data_source_with_an_address_has_a_matching_entry():
    entries = bib_entries()
    for row in load("sources").itertuples():
        if row.source_id in ("book-editorial", "research-ledger-leaders", "iso-3166-1") or not isinstance(row.url, str):
            continue
        assert row.source_id in entries, f"references.bib has no entry for source {row.source_id}"
        assert entries[row.source_id].get("url") == row.url, f"{row.source_id}: url differs from sources.csv"


@pytest.mark.parametrize("chapter", chapters())
def test_chapter_cites_known_works(chapter):
    keys = [k.strip() for group in CITE.findall(markdown(chapter)) for k in group.split(",")]
    assert keys, f"{chapter} cites nothing"
    unknown = sorted(set(keys) - set(bib_entries()))
    assert not unknown, f"{chapter} cites keys missing from references.bib: {unknown}"


@pytest.mark.parametrize("chapter", chapters())
def test_chapter_glossary_terms_resolve(chapter):
    used = [m.split("<")[-1].rstrip(">").strip() for m in TERM.findall(markdown(chapter))]
    assert used, f"{chapter} links no glossary term"
    terms = {t.lower() for t in glossary_terms()}
    missing = sorted({u for u in used if u.lower() not in terms})
    assert not missing, f"{chapter} uses terms the glossary lacks: {missing}"


def test_glossary_parser_and_every_term_is_used_somewhere():
    terms = glossary_terms()
    assert {"Obligation", "CSF", "IEEPA", "REO", "SBA", "EFF", "Most-favoured-nation rate"} <= terms
    used = {m.split("<")[-1].rstrip(">").strip().lower()
            for chapter in chapters() for m in TERM.findall(markdown(chapter))}
    # A term is used if it, or another name of the same entry, is linked from a chapter.
    text = (REPO / "glossary.md").read_text(encoding="utf-8").split("```{glossary}", 1)[1]
    entries = re.split(r"\n\n(?=\S)", text.strip())
    unused = [e.splitlines()[0] for e in entries if e.strip() != "```"
              and not {ln.strip().lower() for ln in e.splitlines() if not ln.startswith(" ")} & used]
    assert not unused, f"glossary entries no chapter links to: {unused}"


def test_built_pages_link_citations_and_terms(built_site):
    refs = (SITE / "references.html").read_text(encoding="utf-8")
    for chapter in chapters():
        page = (SITE / f"{chapter}.html").read_text(encoding="utf-8")
        targets = re.findall(r'href="\.\./references\.html#(id\d+|[\w-]+)"', page)
        assert targets, f"{chapter}: no citation links to the references page"
        for target in set(targets):
            assert f'id="{target}"' in refs, f"{chapter}: citation target #{target} missing on references.html"
        terms = re.findall(r'href="\.\./glossary\.html#(term-[^"]+)"', page)
        assert terms, f"{chapter}: no glossary links"
    glossary = (SITE / "glossary.html").read_text(encoding="utf-8")
    assert 'id="term-Obligation"' in glossary


def test_glossary_is_in_alphabetical_order():
    text = (REPO / "glossary.md").read_text(encoding="utf-8").split("```{glossary}", 1)[1]
    entries = [e for e in re.split(r"\n\n(?=\S)", text.strip()) if e.strip() != "```"]
    heads = [e.splitlines()[0].strip().lower() for e in entries]
    assert heads == sorted(heads), heads
