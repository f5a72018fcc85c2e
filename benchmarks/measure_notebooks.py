"""Print figures for the notebook edition in JupyterLab. A script, not a test.

    .venv/bin/python benchmarks/measure_notebooks.py

For each chapter: its size as stored, the number of live charts drawn after Run All, the time
from Run All to the last chart drawn (this includes the kernel running every cell, and the
PNG each figure also renders in the kernel), and its size once JupyterLab has saved it after
the run (widget state is not saved: JupyterLab's default). JupyterLab runs on 127.0.0.1 with
its own settings, on copies of the notebooks; the browser may reach nothing else. Run it
when the machine is otherwise idle: the figures are wall-clock times.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from jupyterlab_support import TOKEN, jupyterlab  # noqa: E402

from aid2assets.figures import stored_figures  # noqa: E402

READY = ("() => { const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;"
         " const k = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;"
         " return k && k.status === 'idle' && w.content.widgets.length > 0 }")


def main() -> int:
    from playwright.sync_api import sync_playwright

    chapters = sorted((REPO / "chapters").glob("*.ipynb"))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "root"
        (root / "chapters").mkdir(parents=True)
        for p in chapters:
            shutil.copyfile(p, root / "chapters" / p.name)
        print(f"{'chapter':16} {'stored':>9} {'charts':>6} {'Run All → last chart':>21} {'saved':>9}")
        with jupyterlab(root, Path(tmp) / "lab") as base, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=["--no-sandbox"])
            for p in chapters:
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                context.route("**/*", lambda r: r.continue_() if r.request.url.startswith((base, "data:", "blob:"))
                              else r.abort())
                page = context.new_page()
                page.goto(f"{base}/lab/workspaces/bench-{p.stem}/tree/chapters/{p.name}?token={TOKEN}")
                page.wait_for_function(READY, timeout=120_000)
                n = len(stored_figures(p))
                start = time.monotonic()
                page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
                page.wait_for_function(
                    f"document.querySelectorAll('.jp-OutputArea figure.a2a-figure[data-rendered=\"true\"]').length >= {n}",
                    timeout=300_000)
                took = time.monotonic() - start
                drawn = page.eval_on_selector_all(".jp-OutputArea figure.a2a-figure[data-rendered='true']", "e => e.length")
                page.evaluate("window.jupyterapp.commands.execute('docmanager:save')")
                page.wait_for_timeout(2000)
                saved = (root / "chapters" / p.name).stat().st_size
                print(f"{p.stem:16} {p.stat().st_size / 1e6:7.2f}MB {drawn:6} {took:19.1f} s {saved / 1e6:7.2f}MB")
                context.close()
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
