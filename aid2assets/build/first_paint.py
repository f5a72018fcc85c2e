"""What a page needs for its first paint, and nothing more (issue 17: fast on a slow phone).

Part of the site extension (:mod:`aid2assets.build.site` calls :func:`setup`):

* :func:`page_assets` (``html-page-context``, after every other handler): every script is
  deferred, MyST-NB's unread ipywidgets state is dropped, sphinx-design's assets are left off
  pages that do not use it, and the copy button's stylesheet no longer blocks the paint.
  Search's scripts are kept to the search page by ``_templates/layout.html``; charts are
  drawn as they come into view by ``static/loader.js``.
* :func:`plain_code` (``html-page-context``): in highlighted code, the ``<span>`` around each
  name, punctuation mark and space whose colour is the code block's own colour is left out
  (a third of a chapter's elements, with no change on screen in either theme); images from
  cell outputs are loaded lazily.
* :func:`write_theme_css` (``build-finished``): the theme's stylesheet without the 1,900
  Font Awesome icon classes the book does not use, and with Font Awesome's solid web font
  (157 KB) replaced by a subset holding only the glyphs the stylesheets can draw (a few KB).
  ``_templates/static/webpack-macros.html`` links this copy instead of the theme's.
"""

from __future__ import annotations

import re
from pathlib import Path

THEME_CSS = "styles/pydata-sphinx-theme.css"          # in _static, as the theme ships it
TRIMMED_CSS = "styles/pydata-sphinx-theme.a2a.css"    # beside it, so its url()s still resolve
SOLID_TTF = "vendor/fontawesome/webfonts/fa-solid-900.ttf"
SUBSET_FONT = "a2a/fa-solid-900.subset.woff"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"

# `.fa-bars:before{content:"\f0c9"}`, possibly with several selectors for aliases.
ICON_RULE = re.compile(r'(?<=\})((?:\.fa-[a-z0-9-]+:{1,2}(?:before|after),?)+)\{content:"([^"]*)"\}')
ICON_CLASS = re.compile(r"\bfa-[a-z0-9]+(?:-[a-z0-9]+)*")
SOLID_FACE = re.compile(r"@font-face\{[^}]*font-weight:900;[^}]*\}")
ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6}) ?")
PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def page_assets(app, pagename, templatename, context, doctree):
    """Nothing in the head that the first screen does not need (see the module docstring).

    Script files get ``defer`` (except on the search page): they run in the same order, once the page is parsed, instead
    of holding up its first paint. Inline scripts that use ``DOCUMENTATION_OPTIONS`` (set by
    the deferred documentation_options.js) become inline modules, which run in that same
    deferred order; the others only declare settings and stay as they are.
    """
    from sphinx.builders.html._assets import _CascadingStyleSheet, _JavaScript

    body = context.get("body") or ""
    uses_design = "sd-" in body
    scripts = context.get("script_files")
    # The search page's own template loads searchtools.js and the index as plain scripts that
    # need doctools.js and DOCUMENTATION_OPTIONS at once: its scripts stay as they are.
    if isinstance(scripts, list) and pagename != "search":
        kept = []
        for js in scripts:
            attrs = dict(js.attributes)
            name = str(js.filename or "")
            if attrs.get("type") == WIDGET_STATE:   # no widget script on the site reads it
                continue
            if name.endswith("design-tabs.js") and not uses_design:
                continue
            if name and not {"async", "defer"} & attrs.keys() and attrs.get("type") != "module":
                attrs["defer"] = "defer"
            elif not name and "DOCUMENTATION_OPTIONS" in attrs.get("body", "") and "type" not in attrs:
                attrs["type"] = "module"
            kept.append(_JavaScript(js.filename, priority=js.priority, **attrs))
        scripts[:] = kept
    styles = context.get("css_files")
    if isinstance(styles, list):
        kept = []
        for css in styles:
            name = str(css.filename).split("?")[0]
            if "sphinx-design" in name and not uses_design:
                continue
            if name.endswith("copybutton.css"):   # its buttons come with a deferred script
                css = _CascadingStyleSheet(css.filename, priority=css.priority,
                                           **dict(css.attributes, media="print", onload="this.media='all'"))
            kept.append(css)
        styles[:] = kept


CODE_BLOCK = re.compile(r'(<div class="highlight"><pre>)(.*?)(</pre>)', re.S)
# Code is drawn in the colour of its block (the theme's `pre` colour gives way to it; see
# BOOK_CSS), so spans that only repeat that colour can go.
# (content-visibility: auto on the chapter's sections was tried and left out: as sections
# above take their real height, a figure scrolled to moves away and a link lands elsewhere.)
BOOK_CSS = "\n/* The book's (aid2assets/build/first_paint.py) */\n.highlight pre{color:inherit}\n"


def plain_token_classes(style_names) -> frozenset[str]:
    """Pygments classes drawn exactly like the code block's own text in every given style."""
    from pygments.formatters import HtmlFormatter

    plain = None
    for name in style_names:
        defs = HtmlFormatter(style=name).get_style_defs(".highlight")
        base = re.search(r"^\.highlight \{[^}]*color: (#[0-9a-fA-F]+)", defs, re.M)
        classes = set()
        if base:
            for cls, decl in re.findall(r"^\.highlight \.([\w-]+) \{ ([^}]*) \}", defs, re.M):
                if decl.strip().rstrip(";") == f"color: {base.group(1)}":
                    classes.add(cls)
        plain = classes if plain is None else plain & classes
    return frozenset(plain or ())


def unwrap_plain_spans(body: str, classes) -> str:
    """``<span class="n">x</span>`` -> ``x`` inside highlighted code, for the given classes."""
    if not classes:
        return body
    span = re.compile(r'<span class="(?:%s)">([^<]*)</span>' % "|".join(map(re.escape, sorted(classes))))
    return CODE_BLOCK.sub(lambda m: m.group(1) + span.sub(r"\1", m.group(2)) + m.group(3), body)


def _code_styles(app) -> list[str]:
    opts = app.config.html_theme_options or {}
    names = [opts.get("pygment_light_style"), opts.get("pygment_dark_style")]
    return [n for n in names if n] or [app.config.pygments_style or "sphinx"]


def plain_code(app, pagename, templatename, context, doctree):
    if context.get("body") and '<div class="highlight">' in context["body"]:
        classes = app.env.__dict__.get("a2a_plain_classes")
        if classes is None:
            classes = app.env.a2a_plain_classes = plain_token_classes(_code_styles(app))
        context["body"] = unwrap_plain_spans(context["body"], classes)
    if context.get("body") and not app.config.a2a_print:
        context["body"] = lazy_output_images(context["body"])


# An image a notebook cell wrote (MyST-NB puts it in _images/), without a loading attribute.
OUTPUT_IMAGE = re.compile(r'<img (?![^>]*\bloading=)(?=[^>]*\bsrc="(?:\.\./)*_images/)')


def lazy_output_images(body: str) -> str:
    """Images from cell outputs load as the reader nears them, not with the page (they sit
    below the chapter's opening; the print edition keeps them eager)."""
    return OUTPUT_IMAGE.sub('<img loading="lazy" decoding="async" ', body)


def used_icon_names(outdir: Path) -> set[str]:
    """Font Awesome class names written in the site's pages and the theme's own scripts."""
    names: set[str] = set()
    static = outdir / "_static"
    files = list(outdir.rglob("*.html")) + [p for p in (static / "scripts").glob("*.js")
                                            if not p.name.startswith("fontawesome")]
    for path in files:
        names.update(ICON_CLASS.findall(path.read_text(encoding="utf-8", errors="replace")))
    return names


def trim_icon_rules(css: str, used: set[str]) -> str:
    """Drop the ``.fa-NAME:before{content:...}`` rules for icons no page uses."""

    def keep(match):
        selectors = [s for s in match.group(1).split(",") if s]
        kept = [s for s in selectors if s.split(":")[0][1:] in used]
        return f'{",".join(kept)}{{content:"{match.group(2)}"}}' if kept else ""

    return ICON_RULE.sub(keep, css)


def private_use_codepoints(*stylesheets: str) -> set[int]:
    """The icon-font code points (Unicode private use area) a stylesheet can draw."""
    points = set()
    for css in stylesheets:   # written as escapes ("\f0c9") or as the characters themselves
        points.update(int(hexdigits, 16) for hexdigits in ESCAPE.findall(css))
        points.update(ord(ch) for ch in PRIVATE_USE.findall(css))
    return {cp for cp in points if 0xE000 <= cp <= 0xF8FF}


def subset_font(ttf: Path, codepoints: set[int], out: Path) -> None:
    import logging

    from fontTools import subset

    logging.getLogger("fontTools").setLevel(logging.WARNING)  # its INFO lines would fill the build log

    options = subset.Options()
    options.flavor = "woff"          # zlib: needs no brotli module
    options.layout_features = []
    options.name_IDs = [0, 1, 2]     # keep the copyright and family names (the licence notice)
    options.notdef_outline = True
    font = subset.load_font(str(ttf), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(codepoints))
    subsetter.subset(font)
    out.parent.mkdir(parents=True, exist_ok=True)
    subset.save_font(font, str(out), options)


# --- Rules no page can match -----------------------------------------------------------------

GROUPING = ("@media", "@supports", "@layer", "@container")
FUNCTIONAL_PSEUDO = re.compile(r":(?:not|is|where|has|matches|-webkit-any|-moz-any)\([^()]*\)")
ATTRIBUTE = re.compile(r"\[[^\]]*\]")
NAMES = re.compile(r"([.#])(-?[_a-zA-Z][\w-]*)")
WORD = re.compile(r"[A-Za-z_][\w-]*")


def _skip_string(css: str, i: int) -> int:
    quote, i = css[i], i + 1
    while i < len(css) and css[i] != quote:
        i += 2 if css[i] == "\\" else 1
    return i + 1


def css_blocks(css: str):
    """Top-level ``(prelude, body)`` pairs of a stylesheet (body ``None`` for ``@charset;``)."""
    out, start, i, n = [], 0, 0, len(css)
    while i < n:
        c = css[i]
        if c in "\"'":
            i = _skip_string(css, i)
            continue
        if css.startswith("/*", i):
            end = css.find("*/", i + 2)
            i = n if end < 0 else end + 2
            continue
        if c == ";":
            out.append((css[start:i + 1], None))
            start = i + 1
        elif c == "{":
            depth, j = 1, i + 1
            while j < n and depth:
                if css[j] in "\"'":
                    j = _skip_string(css, j)
                    continue
                depth += {"{": 1, "}": -1}.get(css[j], 0)
                j += 1
            out.append((css[start:i], css[i + 1:j - 1]))
            start = i = j
            continue
        i += 1
    return out


def _selectors(prelude: str) -> list[str]:
    parts, depth, cur = [], 0, ""
    for ch in prelude:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    return parts + [cur]


def known_names(outdir: Path) -> tuple[set[str], tuple[str, ...]]:
    """Every word in the site's pages and scripts (class names, ids and anything else), and
    the prefixes scripts build class names from (a word ending in "-", as in `bs-${x}`)."""
    words: set[str] = set()
    for path in list(outdir.rglob("*.html")) + list((outdir / "_static").rglob("*.js")):
        if path.name.startswith("fontawesome"):
            continue
        words.update(WORD.findall(path.read_text(encoding="utf-8", errors="replace")))
    return words, tuple(sorted(w for w in words if w.endswith("-") and len(w) > 2))


def selector_can_match(selector: str, words: set[str], prefixes: tuple[str, ...]) -> bool:
    """False only when the selector needs a class or id that no page and no script has.

    Classes inside :not(), :is(), :where() and :has() and attribute selectors are ignored
    (they need not be present for a match), and so is anything with an escape.
    """
    if "\\" in selector:
        return True
    plain = selector
    while True:
        stripped = FUNCTIONAL_PSEUDO.sub("", plain)
        if stripped == plain:
            break
        plain = stripped
    plain = ATTRIBUTE.sub("", plain)
    return all(name in words or name.startswith(prefixes) for _, name in NAMES.findall(plain))


def purge_unused_rules(css: str, words: set[str], prefixes: tuple[str, ...]) -> str:
    """The stylesheet without the selectors (and rules) that no page of the site can match."""
    out = []
    for prelude, body in css_blocks(css):
        head = prelude.strip()
        if body is None:
            out.append(head)
        elif head.startswith(GROUPING):
            inner = purge_unused_rules(body, words, prefixes)
            if inner:
                out.append(f"{head}{{{inner}}}")
        elif head.startswith("@"):
            out.append(f"{head}{{{body}}}")
        else:
            kept = [sel for sel in _selectors(head) if selector_can_match(sel, words, prefixes)]
            if kept:
                out.append(",".join(kept) + "{" + body + "}")
    return "".join(out)


def _subset_font_once(app, ttf: Path, codepoints: set[int], out: Path) -> None:
    """:func:`subset_font`, answered from the previous build's subset when the font and the
    code points are the same (kept beside the doctrees, as the figure bundle is)."""
    import hashlib
    import shutil

    import fontTools

    key = hashlib.sha256(ttf.read_bytes() + repr(sorted(codepoints)).encode()
                         + fontTools.version.encode()).hexdigest()[:16]
    cached = Path(app.doctreedir).parent / "a2a_static" / f"icons-{key}.woff"
    if not cached.is_file():
        subset_font(ttf, codepoints, cached)
    out.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached, out)


def write_theme_css(app, exception):
    """Write the trimmed theme stylesheet and the subset icon font into ``_static``."""
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    static = outdir / "_static"
    css = (static / THEME_CSS).read_text(encoding="utf-8")
    css = trim_icon_rules(css, used_icon_names(outdir))
    css = purge_unused_rules(css, *known_names(outdir))
    others = [p.read_text(encoding="utf-8") for p in static.rglob("*.css")
              if p.name != Path(THEME_CSS).name and p.name != Path(TRIMMED_CSS).name]
    _subset_font_once(app, static / SOLID_TTF, private_use_codepoints(css, *others), static / SUBSET_FONT)
    face = ('@font-face{font-display:block;font-family:"Font Awesome 6 Free";font-style:normal;'
            f'font-weight:900;src:url(../{SUBSET_FONT}) format("woff")}}')
    css, count = SOLID_FACE.subn(face, css, count=1)
    if count != 1:
        raise RuntimeError(f"{THEME_CSS}: Font Awesome's solid @font-face not found (theme changed?)")
    (static / TRIMMED_CSS).write_text(css + BOOK_CSS, encoding="utf-8")


def setup(app):
    app.connect("html-page-context", page_assets, priority=900)  # after every other handler
    app.connect("html-page-context", plain_code)
    app.connect("build-finished", write_theme_css)
