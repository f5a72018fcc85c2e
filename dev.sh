#!/usr/bin/env bash
# The book's two commands (see README.md):
#   ./dev.sh build   set up a virtual environment and build the site into _build/html
#   ./dev.sh test    set up, build, and run the whole test suite (data, charts, explorer,
#                    curation, nbval in strict mode, and the built site in headless Chromium)
# Other:
#   ./dev.sh test TIER  one tier of the tests (fast, notebooks, site, browser, jupyterlab; see
#                      pyproject.toml): `./dev.sh test fast` is the edit-test loop (no build)
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

# pytest on one tier or a union of tiers ("fast or notebooks"), then any further pytest options.
# xdist's loadscope keeps a module's tests on one worker, so module-scoped fixtures (a page
# opened once per chapter, a wheel built once) are not made twice.
pytest_tiers() {
  local tiers=$1; shift
  "$VENV/bin/python" -m pytest tests chapters --nbval --nbval-current-env -p no:cacheprovider -m "$tiers" "$@"
}
PARALLEL=(-n 2 --dist loadscope)

full_test() {
  # The whole suite, in three phases; tiers that share no mutable state run side by side:
  # 1. the fast and notebooks tiers (no build: they read the repository and run kernels in
  #    their own folders) in the background, while the site and the print edition are built;
  # 2. the site tier, then the browser tier, on the built site (one after the other: browser
  #    tests write a page into _build/html for a moment, which the site tier's link checks would see);
  # 3. the JupyterLab tier alone (its own server, kernels and browser).
  # Each phase's log is printed when it ends; the last lines are each phase's pytest summary.
  # The exit code is non-zero when any phase fails.
  local logs=_build/test-logs status=0 background
  mkdir -p "$logs"
  rm -f "$logs"/*.log
  pytest_tiers "fast or notebooks" "${PARALLEL[@]}" "$@" >"$logs/1-fast-notebooks.log" 2>&1 &
  background=$!
  # (should the build fail, the background tests are stopped: the pytest it started, then itself)
  trap 'kill $(pgrep -P "$background") "$background" 2>/dev/null || true' EXIT
  build; print_edition
  pytest_tiers site "$@" 2>&1 | tee "$logs/2-site.log" || status=1
  pytest_tiers browser "${PARALLEL[@]}" "$@" 2>&1 | tee "$logs/3-browser.log" || status=1
  wait "$background" || status=1
  trap - EXIT
  cat "$logs/1-fast-notebooks.log"
  pytest_tiers jupyterlab "$@" 2>&1 | tee "$logs/4-jupyterlab.log" || status=1
  echo "== summary (fast and notebooks; site; browser; jupyterlab) =="
  for log in "$logs"/*.log; do tail -n 1 "$log"; done
  return "$status"
}

case "${1:-}" in
  setup) setup ;;
  build) setup; build ;;
  test)
    case "${2:-}" in
      fast) setup; pytest_tiers fast "${PARALLEL[@]}" "${@:3}" ;;
      notebooks) setup; pytest_tiers notebooks "${PARALLEL[@]}" "${@:3}" ;;
      site) setup; build; print_edition; pytest_tiers site "${@:3}" ;;
      browser) setup; browser; build; print_edition; pytest_tiers browser "${PARALLEL[@]}" "${@:3}" ;;
      jupyterlab) setup; browser; pytest_tiers jupyterlab "${@:3}" ;;
      *) setup; browser; full_test "${@:2}" ;;
    esac
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
    # A kernel may send one print() as several stream messages (it did under heavy load), which
    # the page would show as separate blocks: join consecutive stream outputs of one name.
    "$VENV/bin/python" -c 'import sys, nbformat
for path in sys.argv[1:]:
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        outputs = []
        for out in cell.get("outputs", []):
            prev = outputs[-1] if outputs else None
            if (out.output_type == "stream" and prev is not None and prev.output_type == "stream"
                    and prev.name == out.name):
                prev.text += out.text
            else:
                outputs.append(out)
        if cell.cell_type == "code":
            cell.outputs = outputs
    nbformat.write(nb, path)' "${notebooks[@]}"
    # Record what this run read (code, data, package, pins) and wrote, so that a build may
    # publish the stored outputs without running the notebook again (aid2assets/build/execution.py).
    "$VENV/bin/python" -m aid2assets.build.execution record "${notebooks[@]}"
    ;;
  serve) "$VENV/bin/python" -m aid2assets.build.serve _build/html --port 8000 ;;
  print) setup; browser; print_edition ;;
  *) sed -n '2,14p' "$0"; exit 2 ;;
esac
