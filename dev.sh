#!/usr/bin/env bash
# The book's two commands (see README.md):
#   ./dev.sh build   set up a virtual environment and build the site into _build/html
#   ./dev.sh test    set up, build, and run the whole test suite (data, charts, explorer,
#                    curation, nbval in strict mode, and the built site in headless Chromium)
# Other:
#   ./dev.sh setup     only create .venv and install the pinned requirements
#   ./dev.sh execute   re-run the chapter notebooks (or those named after it), store their
#                      outputs and record their fingerprints (see aid2assets/build/execution.py)
#   ./dev.sh serve     serve _build/html on http://127.0.0.1:8000
#   ./dev.sh print     the print edition: _build/print/intro.html (one page, static figures)
#                      and _build/print/from-aid-to-assets.pdf (headless Chromium, offline)
set -euo pipefail
cd "$(dirname "$0")"
# The book's own runs (execute, build, nbval) never make live-chart widgets, whatever shell they
# start from: stored outputs and the site stay widget-free (aid2assets/notebook.py). The
# JupyterLab test starts its server without this variable.
export A2A_LIVE_CHARTS=0

PY=${PYTHON:-python3}
VENV=.venv

setup() {
  if [ ! -x "$VENV/bin/python" ]; then
    "$PY" -m venv "$VENV"
  fi
  # Reinstall only when the pins or the package metadata changed since the last install.
  if ! cat requirements.txt pyproject.toml | cmp -s - "$VENV/.installed" 2>/dev/null; then
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    "$VENV/bin/python" -m pip install --quiet -r requirements.txt
    "$VENV/bin/python" -m pip install --quiet --no-deps -e .
    cat requirements.txt pyproject.toml > "$VENV/.installed"
  fi
  "$VENV/bin/python" -m ipykernel install --sys-prefix --name python3 >/dev/null
}

browser() {
  # The browser tests drive Debian's Chromium; Playwright cannot download browsers here.
  if [ ! -x /usr/bin/chromium ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
      echo "Chromium is missing: run 'sudo apt-get install chromium' (Debian/Ubuntu) and retry." >&2
      exit 1
    fi
  fi
}

build() {
  "$VENV/bin/jupyter-book" build . --warningiserror --nitpick --keep-going
}

print_edition() {
  # Own doctrees, shared execution cache: it does not disturb _build/html (see aid2assets/build/printing.py).
  "$VENV/bin/python" -m aid2assets.build.printing
}

case "${1:-}" in
  setup) setup ;;
  build) setup; build ;;
  test)
    setup; browser; build; print_edition
    "$VENV/bin/python" -m pytest tests chapters --nbval --nbval-current-env -p no:cacheprovider "${@:2}"
    ;;
  execute)
    # ./dev.sh execute [NOTEBOOK...]: re-run the given chapter notebooks (default: all) in place.
    setup
    if [ $# -gt 1 ]; then notebooks=("${@:2}"); else notebooks=(chapters/*.ipynb); fi
    for nb in "${notebooks[@]}"; do
      "$VENV/bin/jupyter" nbconvert --to notebook --execute --inplace \
        --ExecutePreprocessor.kernel_name=python3 --ExecutePreprocessor.store_widget_state=False "$nb"
    done
    # Drop the kernel's per-cell timing metadata: it changes on every run and is not content.
    "$VENV/bin/python" -c 'import sys, nbformat
for path in sys.argv[1:]:
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    nbformat.write(nb, path)' "${notebooks[@]}"
    # Record what this run read (code, data, package, pins) and wrote, so that a build may
    # publish the stored outputs without running the notebook again (aid2assets/build/execution.py).
    "$VENV/bin/python" -m aid2assets.build.execution record "${notebooks[@]}"
    ;;
  serve) "$VENV/bin/python" -m aid2assets.build.serve _build/html --port 8000 ;;
  print) setup; browser; print_edition ;;
  *) sed -n '2,12p' "$0"; exit 2 ;;
esac
