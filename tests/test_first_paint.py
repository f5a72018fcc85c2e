"""Fast on a slow phone (issue 17): what the built pages load before their first paint.

Checks the built site (``_build/html``): search's scripts only on the search page, no script
that blocks the first paint, the trimmed theme stylesheet and its subset icon font, code
without redundant spans, figure specs as files; and, in headless Chromium, that charts are
drawn only as they come into view and that search works offline from the search box.
Lighthouse's own figures come from ``benchmarks/measure_site.py --lighthouse`` (not a test).
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from aid2assets.build import first_paint

SITE = Path(__file__).resolve().parent.parent / "_build" / "html"
REPO = Path(__file__).resolve().parent.parent
SEARCH_SCRIPTS = ("searchtools.js", "language_data.js", "searchindex.js")


def _pages():
    from toc_support import toc, toc_files

    return [f + ".html" for f in [toc()["root"]] + toc_files()]


PAGES = _pages()


def built(path: str) -> str:
    if not (SITE / path).exists():
        pytest.fail(f"{SITE / path} is missing: build the book first (see README)")
    return (SITE / path).read_text(encoding="utf-8")


class Head(HTMLParser):
    """The script and link tags of a page's <head>."""

    def __init__(self):
        super().__init__()
        self.tags, self.in_head = [], True

    def handle_starttag(self, tag, attrs):
        if tag == "body":
            self.in_head = False
        if self.in_head and tag in ("script", "link"):
            self.tags.append((tag, dict(attrs)))


def head_tags(path):
    parser = Head()
    parser.feed(built(path))
    return parser.tags


@pytest.mark.site
@pytest.mark.parametrize("path", PAGES)
def test_search_scripts_only_on_the_search_page(path):
    html = built(path)
    for name in SEARCH_SCRIPTS:
        assert name not in html, f"{path} loads {name}"


@pytest.mark.site
def test_the_search_page_has_its_scripts():
    html = built("search.html")
    for name in SEARCH_SCRIPTS:
        assert re.search(rf'<script src="[^"]*{re.escape(name)}', html), name


@pytest.mark.site
@pytest.mark.parametrize("path", PAGES)
def test_no_script_in_the_head_blocks_the_first_paint(path):
    for tag, attrs in head_tags(path):
        if tag == "script" and attrs.get("src"):
            assert "defer" in attrs or "async" in attrs or attrs.get("type") == "module", \
                f"{path}: {attrs['src']} blocks the first paint"
        if tag == "script" and not attrs.get("src"):
            assert attrs.get("type") != first_paint.WIDGET_STATE, f"{path}: unread widget state in the head"
        if tag == "link" and attrs.get("rel") == "preload":
            pytest.fail(f"{path}: preload of {attrs.get('href')} competes with the stylesheets")
        if tag == "link" and attrs.get("rel") == "stylesheet":
            href = attrs["href"]
            assert not href.endswith("styles/theme.css"), "theme.css only @imports basic.css (a round trip)"
            assert "sphinx-design" not in href, f"{path}: sphinx-design's stylesheet on a page without it"
            assert not href.endswith("styles/pydata-sphinx-theme.css"), f"{path}: the untrimmed theme stylesheet"


@pytest.mark.site
@pytest.mark.parametrize("path", [p for p in PAGES if p.startswith("chapters/")])
def test_the_figure_loader_is_deferred_and_the_bundle_is_not_in_the_page(path):
    scripts = [attrs for tag, attrs in head_tags(path) if tag == "script" and attrs.get("src")]
    loader = [a for a in scripts if "a2a/loader.js" in a["src"]]
    assert len(loader) == 1 and "defer" in loader[0]
    assert not [a for a in scripts if "a2a/figures.js" in a["src"]], "the Vega bundle is loaded up front"


@pytest.mark.site
def test_the_theme_stylesheet_keeps_every_icon_a_page_uses_and_its_font_every_glyph():
    from fontTools.ttLib import TTFont

    css = built("_static/" + first_paint.TRIMMED_CSS)
    used = first_paint.used_icon_names(SITE)
    assert {"fa-bars", "fa-magnifying-glass", "fa-sun", "fa-moon"} <= used   # the theme's header
    for name in used:
        original = (SITE / "_static" / first_paint.THEME_CSS).read_text(encoding="utf-8")
        if re.search(rf"\.{name}:before\{{content:", original):
            assert re.search(rf"\.{name}:before\{{content:", css), f"{name} was trimmed away"
    assert ".fa-dragon:before" not in css and ".fa-0:before" not in css   # unused icons are gone
    assert "fa-solid-900.woff2" not in css and first_paint.SUBSET_FONT in css
    font = TTFont(SITE / "_static" / first_paint.SUBSET_FONT)
    needed = first_paint.private_use_codepoints(css)
    original = TTFont(SITE / "_static" / first_paint.SOLID_TTF).getBestCmap()
    assert needed & set(original) <= set(font.getBestCmap()), "a glyph the stylesheet draws is missing"
    assert 0xF0C9 in font.getBestCmap() and 0xF05A in font.getBestCmap()   # bars; the note admonition's icon
    assert (SITE / "_static" / first_paint.SUBSET_FONT).stat().st_size < 10_000


def test_trimming_keeps_used_selectors_and_valid_css():
    css = '}.a{x:1}.fa-bars:before,.fa-navicon:before{content:"\\f0c9"}.fa-dragon:before{content:"\\f6d5"}.b{y:2}'
    out = first_paint.trim_icon_rules(css, {"fa-bars"})
    assert out == '}.a{x:1}.fa-bars:before{content:"\\f0c9"}.b{y:2}'
    assert first_paint.private_use_codepoints(out, 'x{content:"\uf05a"}') == {0xF0C9, 0xF05A}


def test_purging_keeps_every_rule_a_page_can_match():
    css = ('@charset "UTF-8";.used{a:1}.gone{b:2}.used .gone,.used>p{c:3}'
           '@media (min-width:1px){.gone{d:4}.used:not(.gone){e:5}}@font-face{font-family:x}'
           '.bs-tooltip-top{f:6}[href$=".pdf"]{g:7}#main{h:8}#nothere{i:9}p::before{content:"}{"}')
    out = first_paint.purge_unused_rules(css, {"used", "main"}, ("bs-tooltip-",))
    assert out == ('@charset "UTF-8";.used{a:1}.used>p{c:3}@media (min-width:1px){.used:not(.gone){e:5}}'
                   '@font-face{font-family:x}.bs-tooltip-top{f:6}[href$=".pdf"]{g:7}#main{h:8}p::before{content:"}{"}')


@pytest.mark.site
def test_the_site_stylesheet_still_styles_the_theme_and_is_small():
    css = built("_static/" + first_paint.TRIMMED_CSS)
    for selector in (".bd-header", ".bd-sidebar-primary", ".admonition", ".toggle-button", ".dropdown-menu",
                     ".tooltip", ".theme-switch-button", "#pst-search-dialog", ".prev-next-area"):
        assert selector in css, f"{selector} was purged"
    assert len(css) < 200_000


def test_plain_spans_are_unwrapped_only_inside_code():
    classes = first_paint.plain_token_classes(["a11y-high-contrast-light", "a11y-high-contrast-dark"])
    assert {"n", "p", "w"} <= classes and not {"k", "s2", "o", "mi", "c1"} & classes
    body = ('<p><span class="n">prose</span></p><div class="highlight"><pre><span class="n">x</span>'
            '<span class="w"> </span><span class="o">=</span><span class="w"> </span><span class="mi">1</span></pre></div>')
    assert first_paint.unwrap_plain_spans(body, classes) == (
        '<p><span class="n">prose</span></p><div class="highlight"><pre>x <span class="o">=</span> '
        '<span class="mi">1</span></pre></div>')


@pytest.mark.site
def test_output_images_load_lazily():
    body = '<img alt="x" src="../_images/a.png" /><img src="../_static/logo.svg" /><img loading="eager" src="_images/b.png">'
    assert first_paint.lazy_output_images(body) == (
        '<img loading="lazy" decoding="async" alt="x" src="../_images/a.png" /><img src="../_static/logo.svg" />'
        '<img loading="eager" src="_images/b.png">')
    html = built("chapters/since_then.html")
    images = re.findall(r"<img [^>]*>", html)
    assert images and all('loading="lazy"' in i for i in images if "_images/" in i)


@pytest.mark.site
def test_code_on_the_site_has_no_plain_spans():
    html = built("chapters/aid_history.html")
    code = "".join(re.findall(r'<div class="highlight"><pre>(.*?)</pre>', html, re.S))
    assert '<span class="o">' in code            # colours are kept
    assert '<span class="n">' not in code and '<span class="p">' not in code


def _stored():
    from aid2assets.figures import stored_figures

    for nb in sorted((REPO / "chapters").glob("*.ipynb")):
        for fid, payload in stored_figures(nb).items():
            yield f"chapters/{nb.stem}.html", fid, payload


@pytest.mark.site
@pytest.mark.parametrize("path,fid,payload", list(_stored()), ids=lambda v: v if isinstance(v, str) else "")
def test_each_figure_spec_is_a_file_that_holds_the_spec(path, fid, payload):
    html = built(path)
    match = re.search(rf'<figure class="a2a-figure" id="fig-{re.escape(fid)}".*?<script type="application/json" '
                      r'class="a2a-spec" data-src="([^"]+)"></script>', html, re.S)
    assert match, f"{fid}: no spec file named in the page"
    spec_file = (SITE / path).parent / match.group(1)
    assert json.loads(spec_file.read_text(encoding="utf-8")) == payload["spec"]


# --- In the browser ---------------------------------------------------------------------------


@pytest.mark.browser
def test_charts_are_drawn_only_as_they_come_into_view(visit):
    """On a phone, nothing of the Vega bundle is fetched until a chart nears the screen."""
    requested = []
    visit = visit("chapters/aid_history.html", viewport={"width": 412, "height": 823})
    page = visit.page
    requested.extend(e for e in page.evaluate("performance.getEntriesByType('resource').map(e => e.name)"))
    page.on("request", lambda r: requested.append(r.url))
    page.wait_for_timeout(800)
    tops = page.eval_on_selector_all("figure.a2a-figure", "els => els.map(e => e.getBoundingClientRect().top)")
    assert min(tops) > 3 * 823, "the first figure is near the top: this test would check nothing"
    assert page.eval_on_selector_all("figure.a2a-figure[data-rendered]", "els => els.length") == 0
    assert not [u for u in requested if "figures.js" in u or "/specs/" in u]
    # A reader scrolls to the first chart: it is drawn, the next ones (further down) are not yet.
    first = page.eval_on_selector("figure.a2a-figure", "e => e.id")
    page.locator(f"#{first}").scroll_into_view_if_needed()
    page.wait_for_function("id => document.getElementById(id).dataset.rendered === 'true'", arg=first, timeout=20_000)
    assert sum("figures.js" in u for u in requested) == 1
    last = page.eval_on_selector_all("figure.a2a-figure", "els => els[els.length - 1].id")
    assert tops[-1] - tops[0] > 3 * 823
    assert page.get_attribute(f"#{last}", "data-rendered") is None, "a chart far below was drawn too"
    visit.check_clean()


@pytest.mark.browser
def test_search_works_offline_from_the_search_box(visit):
    visit = visit("chapters/trade_tariffs.html")
    page = visit.page
    page.keyboard.press("Control+k")            # the theme's shortcut opens the search dialog
    field = page.locator("#pst-search-dialog input[name=q]")
    field.wait_for(state="visible", timeout=5_000)
    field.fill("Reko Diq")
    field.press("Enter")
    page.wait_for_url("**/search.html?q=Reko*", timeout=10_000)
    page.wait_for_selector("#search-results ul.search li a", timeout=20_000)
    hits = page.eval_on_selector_all("#search-results ul.search li a", "els => els.map(e => e.href)")
    assert any(h.split("?")[0].endswith("chapters/minerals.html") for h in hits), hits
    assert not visit.refused
    errors = [m for m in visit.console if m.startswith(("error", "pageerror", "http"))]
    assert not errors, errors
