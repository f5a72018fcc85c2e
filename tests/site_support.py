"""Shared by the tests that read the built site in headless Chromium (and benchmarks/): where
the site and the browser are, the pages and figures to visit, the rule that refuses every
request leaving the local server, one visited page, and the ways a test operates a chart.

The fixtures that start the browser and the server are in conftest.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SITE = REPO / "_build" / "html"
PRINT = REPO / "_build" / "print"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LAPTOP = {"width": 1280, "height": 900}


def _stored():
    from aid2assets.figures import stored_figures

    for nb_path in sorted((REPO / "chapters").glob("*.ipynb")):
        for fid, payload in stored_figures(nb_path).items():
            yield f"chapters/{nb_path.stem}.html", "fig-" + fid, payload


# (page, figure element id) for every figure stored in every chapter notebook, and the CSV
# each one offers for download.
ALL_FIGURES = [(page, fid) for page, fid, _ in _stored()]
# Book figures; "sketch-" figures are plain charts made in exercise solutions, which have
# no controls and sit folded inside solutions (test_sketches_render checks them).
FIGURES = [(page, fid) for page, fid in ALL_FIGURES if not fid.startswith("fig-sketch-")]
DOWNLOADS = {fid: payload["download"]["csv"] for _, fid, payload in _stored()}


def _toc_pages():
    from toc_support import toc, toc_files

    return [f + ".html" for f in [toc()["root"]] + toc_files()]


# Every page of the book (the root is built as intro.html), plus any figure page not in the
# table of contents.
PAGES = _toc_pages() + sorted({page for page, _ in FIGURES} - set(_toc_pages()))
# Informational lines the stock theme logs on every page (console.log, not errors). Anything
# else in the console (errors, warnings, other logs, uncaught exceptions) fails the test.
THEME_LOGS = ("log: [PST]: Changed to light mode using the light theme.",
              "log: [togglebutton]: Adding toggle buttons to ",
              # logged when the current page's sidebar link sits below mid-window (five or more entries)
              "log: [PST]: Scrolled sidebar using last active link...")


def refuse_outside(context, base: str, also: tuple[str, ...] = ("data:",)) -> list[str]:
    """Let a browser context reach only ``base`` (and the URL schemes in ``also``): every other
    request is aborted and recorded in the returned list, which the test then asserts empty."""
    refused: list[str] = []

    def route(r):
        url = r.request.url
        if url.startswith(base) or url.startswith(also):
            r.continue_()
        else:
            refused.append(url)
            r.abort()

    context.route("**/*", route)
    return refused


class Visit:
    """One page in a fresh browser context, recording refused requests and console output."""

    logs = THEME_LOGS

    def __init__(self, browser, base_url, path, viewport=None, init_script=None, **context_options):
        self.base = base_url
        self.context = browser.new_context(viewport=viewport or LAPTOP, **context_options)
        if init_script:
            self.context.add_init_script(init_script)
        self.console = []
        self.refused = refuse_outside(self.context, base_url)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.console.append(f"pageerror: {e}"))
        self.page.on("response", lambda r: self.console.append(f"http {r.status}: {r.url}") if r.status >= 400 else None)
        self.page.goto(base_url + path, wait_until="load")

    def check_clean(self):
        assert not self.refused, f"requests left the local server: {self.refused}"
        unexpected = [m for m in self.console if not m.startswith(self.logs)]
        assert not unexpected, f"console was not empty: {unexpected}"

    def wait_for_own_figures(self, unfold=False):
        """Scroll to each figure, as a reader would, and wait until it has been drawn (the site
        draws a chart only as it nears the viewport). Figures in closed solutions are drawn
        once opened: with ``unfold``, those solutions are opened first, so that every figure
        on the page is drawn; without it they stay closed and undrawn."""
        return bring_figures_into_view(self.page, unfold)

    def close(self):
        self.context.close()


def wait_for_figures(page, expected):
    page.wait_for_function(
        f"document.querySelectorAll('figure.a2a-figure[data-rendered=\"true\"]').length === {expected}",
        timeout=20_000)


def bring_figures_into_view(page, unfold=False):
    """Scroll each figure into view in turn and wait until it is drawn; return how many.

    Figures inside a closed solution are left alone unless ``unfold`` opens those solutions
    first. A figure that fails to draw fails the test at once, with its id.
    """
    if unfold:
        unfold_solutions(page)
        page.wait_for_function("!document.querySelector('.toggle-hidden figure.a2a-figure')", timeout=5_000)
    ids = page.eval_on_selector_all(
        "figure.a2a-figure", "els => els.filter(e => !e.closest('.toggle-hidden')).map(e => e.id)")
    for fid in ids:
        page.locator(f"#{fid}").scroll_into_view_if_needed()
        page.wait_for_function("id => ['true', 'error'].includes(document.getElementById(id).dataset.rendered)",
                               arg=fid, timeout=20_000)
        assert page.get_attribute(f"#{fid}", "data-rendered") == "true", f"{fid} could not be drawn"
    return len(ids)


def unfold_solutions(page):
    """Open every folded exercise solution that holds a figure, so that its controls can be operated."""
    page.eval_on_selector_all(
        ".admonition.toggle-hidden",
        "els => els.filter(e => e.querySelector('figure.a2a-figure'))"
        ".forEach(e => e.querySelector('button.toggle-button').click())")


def chart_markup(page, fid):
    return page.eval_on_selector(f"#{fid} .a2a-chart svg", "svg => svg.outerHTML")


def expect_change(page, fid, before, what):
    try:
        page.wait_for_function(
            "([fid, before]) => document.querySelector(`#${fid} .a2a-chart svg`).outerHTML !== before",
            arg=[fid, before], timeout=5_000)
    except Exception:
        pytest.fail(f"{fid}: operating {what} did not change the chart")


def operate(page, control, kind, forward=True):
    """Change a control from the keyboard (the select list by choosing another option)."""
    if kind in ("radio", "checkbox"):
        control.focus()
        page.keyboard.press("Space")
    elif kind == "range":
        # Move down, unless the slider starts at its minimum (a "from" slider set to the
        # first year); then move up, and remember which way to go back.
        control.focus()
        if forward:
            raise_it = control.evaluate("e => Number(e.value) <= Number(e.min)")
            control.evaluate("(e, up) => { e.dataset.testRaised = up ? '1' : '' }", raise_it)
        else:
            raise_it = control.evaluate("e => e.dataset.testRaised === '1'")
        step = "ArrowRight" if raise_it else "ArrowLeft"
        back = "ArrowLeft" if raise_it else "ArrowRight"
        for _ in range(2):
            page.keyboard.press(step if forward else back)
    elif kind == "select":
        options = control.evaluate("s => Array.from(s.options).map(o => o.value)")
        control.select_option(options[1] if forward else options[0])
    else:
        pytest.fail(f"unexpected control type {kind}")


def form_state(page, fid):
    return page.eval_on_selector_all(
        f"#{fid} .vega-bindings input, #{fid} .vega-bindings select",
        "els => els.map(e => e.type === 'radio' || e.type === 'checkbox' ? e.checked : e.value)")


def serious_violations(page):
    """axe-core's serious and critical violations on the page, one line each.

    axe-core is bundled by axe-playwright-python and served from memory, not a CDN. Preload is
    off: axe would re-fetch stylesheets' @imports relative to the page (a 404 that the browser
    itself never makes); the checks run on the live, fully styled page anyway.
    """
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"resultTypes": ["violations"], "preload": False})
    return [f"{v['impact']} {v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['target']})"
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
