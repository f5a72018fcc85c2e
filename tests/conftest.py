"""Shared fixtures and the test tiers.

Fixtures (one definition each): ``built_site`` (the built site's folder, failing when it is
missing), ``serve`` (a local static server on 127.0.0.1 for any folder), ``base_url`` (that
server over ``_build/html``), ``browser`` (Debian's Chromium, headless, ``--no-sandbox``) and
``visit`` (a page of the built site in a fresh context, every request off the local server
refused; see site_support.Visit).

Tiers: every test carries exactly one of the markers in ``TIERS`` (pyproject.toml describes
them). A test marked in its file keeps its mark; any other is given one here from what it
uses: nbval cells run a kernel (notebooks), the ``lab`` fixture starts JupyterLab, the
``browser`` fixture drives Chromium, ``built_site``/``base_url``/``built_print`` read the built site or the print edition, and the
rest is ``fast``. A fast test that starts a kernel fails (see ``_no_kernel_in_fast_tests``).
tests/test_tiers.py checks all of this.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from site_support import CHROMIUM, CHROMIUM_ARGS, PRINT, SITE, Visit

TIERS = ("fast", "notebooks", "site", "browser", "jupyterlab")
# Fixture -> tier, first match wins (a JupyterLab test also uses the browser).
TIER_FIXTURES = (("lab", "jupyterlab"), ("browser", "browser"), ("base_url", "site"), ("built_site", "site"),
                ("built_print", "site"))


def tiers_of(item) -> list[str]:
    return [m.name for m in item.iter_markers() if m.name in TIERS]


def inferred_tier(fixturenames, is_notebook_cell: bool) -> str:
    """The tier of a test that is not marked with one: from the fixtures it uses."""
    if is_notebook_cell:
        return "notebooks"
    for fixture, tier in TIER_FIXTURES:
        if fixture in fixturenames:
            return tier
    return "fast"


@pytest.hookimpl(tryfirst=True)   # before -m deselects by tier
def pytest_collection_modifyitems(config, items):
    for item in items:
        if not tiers_of(item):
            is_cell = type(item).__name__ == "IPyNbCell"   # nbval's item: a notebook cell
            item.add_marker(inferred_tier(getattr(item, "fixturenames", ()), is_cell))


@pytest.fixture(autouse=True)
def _no_kernel_in_fast_tests(request, monkeypatch):
    """The fast tier starts no kernel: a fast test that tries fails, naming the tier to use."""
    if request.node.get_closest_marker("fast") is None:
        return
    from jupyter_client.provisioning.local_provisioner import LocalProvisioner

    async def refuse(*args, **kwargs):
        raise RuntimeError("a fast-tier test started a kernel: mark it pytest.mark.notebooks")

    # Every kernel manager (nbclient's, nbval's) launches through its provisioner.
    monkeypatch.setattr(LocalProvisioner, "launch_kernel", refuse)


@pytest.fixture(scope="session", autouse=True)
def _bibliography_read_once_per_file():
    """markup.bibliography() parses references.bib and renders every name through pybtex's
    plugin lookup (a scan of every installed package's entry points per name): about 5 s a
    call, and the student-notebook and markup tests make dozens. The tests keep each result
    for the same file contents (the result depends on nothing else). Drop this once the
    package keeps it itself (issue 21, item 4)."""
    from aid2assets.build import markup

    parse, results = markup.bibliography, {}

    def bibliography(path: Path = markup.BIBLIOGRAPHY):
        key = (str(path), Path(path).read_bytes())
        if key not in results:
            results[key] = parse(path)
        return dict(results[key])

    markup.bibliography = bibliography
    yield
    markup.bibliography = parse


@pytest.fixture(scope="session")
def built_site() -> Path:
    if not (SITE / "index.html").exists():
        pytest.fail(f"{SITE} is missing: build the book first (./dev.sh build)")
    return SITE


@pytest.fixture(scope="session")
def built_print() -> Path:
    """The print edition's folder (./dev.sh print; ./dev.sh test makes it after the build)."""
    from aid2assets.build.printing import root_page

    if not (PRINT / root_page()).exists():
        pytest.fail(f"{PRINT / root_page()} is missing: run ./dev.sh print (./dev.sh test does)")
    return PRINT


@pytest.fixture(scope="session")
def serve():
    """Serve a folder on 127.0.0.1 with the book's own server (gzip, as ./dev.sh serve); returns its base URL."""
    from aid2assets.build.serve import make_server

    servers = []

    def start(folder: Path) -> str:
        server = make_server(folder, quiet=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def base_url(built_site, serve):
    return serve(built_site)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium package (see README)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def visit(browser, base_url):
    """Open a page of the built site: ``visit(path, viewport=None, **context_options)``. Each
    visit is closed after the test; its refused requests fail the test (check_clean also
    asserts the console)."""
    opened = []

    def open_page(path, viewport=None, **options):
        v = Visit(browser, base_url, path, viewport, **options)
        opened.append(v)
        return v

    yield open_page
    for v in opened:
        v.close()
    refused = [url for v in opened for url in v.refused]
    assert not refused, f"requests left the local server: {refused}"
