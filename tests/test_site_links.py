"""Every internal link and asset reference in the built site resolves (file and #anchor)."""

import html.parser
import urllib.parse
from pathlib import Path

import pytest

pytestmark = pytest.mark.site

SITE = Path(__file__).resolve().parent.parent / "_build" / "html"


class Refs(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and "name" in attrs:
            self.ids.add(attrs["name"])
        if tag == "link" and "canonical" in (attrs.get("rel") or "").split():
            return  # the page's published address (html.baseurl), not something it loads
        for key in ("href", "src"):
            if attrs.get(key):
                self.refs.append((tag, attrs[key]))


def parse(path):
    parser = Refs()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def pages():
    if not (SITE / "index.html").exists():
        pytest.fail(f"{SITE} is missing: build the book first (see README)")
    return sorted(p for p in SITE.rglob("*.html") if "_static" not in p.parts and "_sources" not in p.parts)


def test_internal_links_resolve():
    parsed = {p: parse(p) for p in pages()}
    broken, checked = [], 0
    for page, refs in parsed.items():
        for tag, ref in refs.refs:
            url = urllib.parse.urlsplit(ref)
            if url.scheme or ref.startswith("//"):
                continue  # external links and data: URIs are not fetched by the page
            checked += 1
            target = (page.parent / urllib.parse.unquote(url.path)).resolve() if url.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(SITE)}: {ref}")
                continue
            if url.fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else parse(target).ids
                if url.fragment not in ids:
                    broken.append(f"{page.relative_to(SITE)}: {ref} (no such anchor)")
    assert checked > 100, f"only {checked} internal references found: is the parser working?"
    assert not broken, "\n".join(broken)


def test_pages_load_nothing_from_other_hosts():
    """No <script src>, <link href> or <img src> points off the site (links in text may)."""
    remote = []
    for page in pages():
        for tag, ref in parse(page).refs:
            if tag in ("script", "link", "img", "iframe", "source") and urllib.parse.urlsplit(ref).scheme in ("http", "https"):
                remote.append(f"{page.relative_to(SITE)}: <{tag}> {ref}")
    assert not remote, "\n".join(remote)


def test_ids_are_unique_on_every_page():
    """Duplicate ids break in-page links and assistive technology (sphinx-exercise writes
    the same id for every exercise body; aid2assets.build.site renames them)."""
    import collections
    import re

    for page in sorted(SITE.rglob("*.html")):
        ids = collections.Counter(re.findall(r'\sid="([^"]+)"', page.read_text(encoding="utf-8")))
        repeated = sorted(k for k, n in ids.items() if n > 1)
        assert not repeated, f"{page.relative_to(SITE)}: repeated ids {repeated[:5]}"


def test_every_page_states_the_licence():
    for page in sorted(SITE.rglob("*.html")):
        if page.parent.name == "_static" or "_sources" in page.parts:
            continue
        text = page.read_text(encoding="utf-8")
        if "<footer" not in text:
            continue  # redirects and other stubs
        assert "CC BY 4.0" in text, f"{page.relative_to(SITE)} has no licence line"
