"""The print edition: the whole book on one HTML page with static figures, then a PDF.

    python -m aid2assets.build.printing          # or ./dev.sh print

1. Builds the book with Sphinx's ``singlehtml`` builder and ``a2a_print = True`` into
   ``_build/print/intro.html`` (the root document; ``index.html`` redirects to it). Every
   figure is the PNG stored in its notebook output (the chart in its default state) with its
   title, description and source line; there is no Vega bundle and no script of the book's
   own; a print stylesheet hides the navigation, and worked solutions are printed open.
   The build has its own doctrees (``_build/.doctrees-print``), so it does not disturb the
   site's incremental build, and it shares the execution cache ``_build/.jupyter_cache``
   with it, so notebooks already executed for the site are not run again.
2. Prints that page to ``_build/print/from-aid-to-assets.pdf`` with headless Chromium, whose
   host resolver maps every name to nothing and whose proxy is a closed local port: the page
   is read from disk and nothing may leave the machine.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from ..paths import REPO_ROOT

CHROMIUM = "/usr/bin/chromium"
PDF_NAME = "from-aid-to-assets.pdf"
# Every host name resolves to nothing and any proxied request goes to a closed port: the page
# and its files are read from disk, so a request to the network can only fail.
OFFLINE_ARGS = ["--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--no-first-run", "--disable-quic"]


def root_page(root: Path = REPO_ROOT) -> str:
    """The file name of the single page: the book's root document (``root:`` in _toc.yml)."""
    import yaml

    toc = yaml.safe_load((Path(root) / "_toc.yml").read_text(encoding="utf-8"))
    return f"{toc['root']}.html"


def build_html(root: Path = REPO_ROOT, out: Path | None = None) -> Path:
    """Build the single-page print HTML; returns the output folder. Any warning fails."""
    from jupyter_book.sphinx import build_sphinx

    root = Path(root)
    out = Path(out) if out else root / "_build" / "print"
    result = build_sphinx(
        root, out,
        noconfig=True,
        path_config=str(root / "_config.yml"),
        confoverrides={"external_toc_path": (root / "_toc.yml").as_posix(),
                       "latex_individualpages": False, "nitpicky": True, "a2a_print": True,
                       # the execution cache the site's build uses (_build/.jupyter_cache)
                       "nb_execution_cache_path": str(root / "_build" / ".jupyter_cache")},
        doctreedir=root / "_build" / ".doctrees-print",
        builder="singlehtml", warningiserror=True, keep_going=True)
    if result:
        raise RuntimeError(f"the print build failed ({result!r}); see the messages above")
    return out


def print_pdf(page: Path, pdf: Path, chromium: str = CHROMIUM, timeout: float = 300) -> Path:
    """Print ``page`` (a local HTML file) to ``pdf`` with headless Chromium."""
    if not Path(chromium).exists():
        raise FileNotFoundError(f"{chromium} not found: install Debian's chromium package (see README)")
    pdf.unlink(missing_ok=True)
    cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", *OFFLINE_ARGS,
           "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw",
           "--virtual-time-budget=10000", f"--print-to-pdf={pdf}", page.resolve().as_uri()]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0 or not pdf.exists() or pdf.stat().st_size == 0:
        raise RuntimeError(f"Chromium did not write {pdf} (exit {done.returncode}):\n{done.stderr[-3000:]}")
    return pdf


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m aid2assets.build.printing", description=__doc__.split("\n")[0])
    parser.add_argument("--no-pdf", action="store_true", help="build the HTML page only")
    parser.add_argument("--chromium", default=CHROMIUM, help=f"the Chromium binary (default {CHROMIUM})")
    args = parser.parse_args(argv)
    t0 = time.monotonic()
    out = build_html()
    t1 = time.monotonic()
    page = out / root_page()
    print(f"print HTML: {page} ({t1 - t0:.1f} s)")
    if not args.no_pdf:
        pdf = print_pdf(page, out / PDF_NAME, args.chromium)
        print(f"PDF: {pdf} ({pdf.stat().st_size / 1e6:.1f} MB, {time.monotonic() - t1:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
