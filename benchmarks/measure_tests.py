"""Print how long the phases of `./dev.sh test` take. A script, not a test.

    .venv/bin/python benchmarks/measure_tests.py            # each phase on its own, one after another
    .venv/bin/python benchmarks/measure_tests.py --full     # also the whole ./dev.sh test, as CI runs it
    .venv/bin/python benchmarks/measure_tests.py --fresh    # first a fresh clone of HEAD (set-up included)

The phases are those of ./dev.sh: set-up (.venv and the pins), the build, the print edition,
then each test tier (fast, notebooks, site, browser, jupyterlab) with the options ./dev.sh
gives it. Timed one after another, they show where the time goes; `--full` then times the
whole command, whose tiers overlap (see full_test in dev.sh), so it is less than their sum.
Each line gives the wall-clock time, the CPU time of the phase's processes, the exit code,
pytest's summary line, and the load average when the phase began: run it when the machine
is otherwise idle, and compare runs made at a similar load.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PY = ".venv/bin/python"
PYTEST = [PY, "-m", "pytest", "tests", "chapters", "--nbval", "--nbval-current-env", "-p", "no:cacheprovider", "-q"]
PARALLEL = ["-n", "2", "--dist", "loadscope"]   # as PARALLEL in dev.sh
PHASES = [
    ("set-up", ["./dev.sh", "setup"]),
    ("build", [".venv/bin/jupyter-book", "build", ".", "--warningiserror", "--nitpick", "--keep-going"]),
    ("print edition", [PY, "-m", "aid2assets.build.printing"]),
    ("tier fast", PYTEST + ["-m", "fast"] + PARALLEL),
    ("tier notebooks", PYTEST + ["-m", "notebooks"] + PARALLEL),
    ("tier site", PYTEST + ["-m", "site"]),
    ("tier browser", PYTEST + ["-m", "browser"] + PARALLEL),
    ("tier jupyterlab", PYTEST + ["-m", "jupyterlab"]),
]


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(name: str, command: list[str], cwd: Path) -> tuple[float, int]:
    load = os.getloadavg()[0]
    cpu, start = children_cpu(), time.perf_counter()
    env = dict(os.environ, A2A_LIVE_CHARTS="0")   # as dev.sh exports for its own runs
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    wall, cpu = time.perf_counter() - start, children_cpu() - cpu
    lines = (done.stdout + done.stderr).strip().splitlines()
    summary = next((ln for ln in reversed(lines) if " in " in ln and ("passed" in ln or "failed" in ln
                                                                      or "error" in ln)), "")
    print(f"{name:<16} {wall:7.1f} s wall {cpu:7.1f} s CPU  exit {done.returncode}  load {load:4.1f}  {summary.strip('= ')}",
          flush=True)
    if done.returncode:
        print("\n".join(lines[-15:]), file=sys.stderr)
    return wall, done.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="also time the whole ./dev.sh test")
    parser.add_argument("--fresh", action="store_true", help="run in a fresh clone of HEAD (set-up included)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = REPO
        if args.fresh:
            root = Path(tmp) / "clone"
            subprocess.run(["git", "clone", "--quiet", str(REPO), str(root)], check=True)
        print(f"{os.cpu_count()} CPUs; {root}")
        total, failed = 0.0, 0
        for name, command in PHASES:
            wall, code = timed(name, command, root)
            total, failed = total + wall, failed + bool(code)
        print(f"{'sum of phases':<16} {total:7.1f} s")
        if args.full:
            wall, code = timed("./dev.sh test", ["./dev.sh", "test", "-q"], root)
            failed += bool(code)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
