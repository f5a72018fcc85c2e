"""How long does the book take to build on a fresh clone? Prints the phases of a build.

Each run clones the repository (the commit checked out here, or ``--rev``) into a new
temporary folder and times, in that clone:

* ``set-up``: ``./dev.sh setup``. The clone's ``.venv`` is a symlink to this checkout's
  ``.venv`` (``--venv`` to use another), so the pinned packages are not downloaded and
  installed again for every run: set-up is then the check that the pins did not change and the
  kernel's registration. Set-up from nothing (a new ``.venv``) is a pip install, measured by
  ``./dev.sh setup`` in a clone without the symlink, not here. The clone's own package is the
  one imported: ``PYTHONPATH`` is set to the clone, ahead of the editable install. Set-up in a
  clone registers the Jupyter kernel with the clone's path, so the script registers it again
  from this checkout when it ends.
* ``clean build``: ``jupyter-book build . --warningiserror --nitpick --keep-going`` (what
  ``./dev.sh build`` runs) with no ``_build`` folder: notebooks whose fingerprints are
  current are published from their stored outputs (the line "notebooks executed at build
  time" is reported; it should be 0).
* ``rebuild``: the same command again, nothing changed.

For each phase it prints the median, minimum and maximum wall time of the runs (3 by
default) and the median CPU time (user + system, of the phase's processes), with the load
average before and after: on a shared machine the wall time grows with the load, the CPU
time much less.

    .venv/bin/python benchmarks/measure_build.py [--runs 3] [--rev HEAD] [--keep]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ["--warningiserror", "--nitpick", "--keep-going"]
PHASES = ("set-up", "clean build", "rebuild")


def run(cmd, cwd: Path, env: dict, log: Path) -> tuple[float, float, str]:
    """Run ``cmd``; return (wall seconds, CPU seconds of the process and its children, output)."""
    before, start = os.times(), time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    wall, after = time.perf_counter() - start, os.times()
    log.write_text(proc.stdout, encoding="utf-8")
    if proc.returncode:
        sys.exit(f"{' '.join(map(str, cmd))} failed in {cwd} (exit {proc.returncode}); its output is in {log}")
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return wall, cpu, proc.stdout


def executed(output: str) -> str:
    found = re.findall(r"notebooks executed at build time: (\d+)", output)
    return found[-1] if found else "?"


def one_run(rev: str, venv: Path, base: Path, index: int) -> dict[str, tuple[float, float, str]]:
    clone = base / f"run{index}"
    subprocess.run(["git", "clone", "--quiet", "--no-checkout", str(ROOT), str(clone)], check=True)
    subprocess.run(["git", "-C", str(clone), "checkout", "--quiet", "--detach", rev], check=True)
    (clone / ".venv").symlink_to(venv)
    env = dict(os.environ, PYTHONPATH=str(clone), A2A_LIVE_CHARTS="0")
    env.pop("A2A_EXECUTE", None)
    jb = [str(clone / ".venv" / "bin" / "jupyter-book"), "build", ".", *BUILD]
    out = {}
    wall, cpu, _ = run(["./dev.sh", "setup"], clone, env, base / f"run{index}-setup.log")
    out["set-up"] = (wall, cpu, "")
    wall, cpu, text = run(jb, clone, env, base / f"run{index}-clean.log")
    out["clean build"] = (wall, cpu, f"executed {executed(text)}")
    wall, cpu, text = run(jb, clone, env, base / f"run{index}-rebuild.log")
    out["rebuild"] = (wall, cpu, f"executed {executed(text)}")
    return out


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rev", default="HEAD", help="commit to clone and build (default: HEAD here)")
    parser.add_argument("--venv", type=Path, default=ROOT / ".venv", help="the .venv the clones link to")
    parser.add_argument("--keep", action="store_true", help="keep the clones and logs")
    args = parser.parse_args(argv)
    if not (args.venv / "bin" / "jupyter-book").exists():
        parser.error(f"{args.venv} has no jupyter-book: run ./dev.sh setup first")
    rev = subprocess.run(["git", "-C", str(ROOT), "rev-parse", args.rev], check=True,
                         capture_output=True, text=True).stdout.strip()
    base = Path(tempfile.mkdtemp(prefix="a2a-build-"))
    print(f"commit {rev[:12]}, {args.runs} runs, fresh clones in {base}, .venv -> {args.venv}")
    print(f"load average before: {load()} ({os.cpu_count()} cores)")
    runs = []
    try:
        for i in range(args.runs):
            runs.append(one_run(rev, args.venv.resolve(), base, i))
            print(f"  run {i + 1}: " + ", ".join(f"{p} {runs[-1][p][0]:.1f} s" for p in PHASES)
                  + f"   (load {load()})", flush=True)
    finally:
        # ./dev.sh setup in a clone registers the kernel with the clone's path to the shared
        # .venv; register it again from here, or the kernel would point into a deleted folder.
        subprocess.run([str(args.venv / "bin" / "python"), "-m", "ipykernel", "install", "--sys-prefix",
                        "--name", "python3"], check=True, capture_output=True)
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
    print(f"load average after: {load()}")
    print(f"{'phase':<12} {'median':>8} {'min':>8} {'max':>8} {'CPU':>8}")
    for phase in PHASES:
        walls = [r[phase][0] for r in runs]
        cpus = [r[phase][1] for r in runs]
        notes = sorted({r[phase][2] for r in runs if r[phase][2]})
        print(f"{phase:<12} {statistics.median(walls):>7.1f}s {min(walls):>7.1f}s {max(walls):>7.1f}s "
              f"{statistics.median(cpus):>7.1f}s  {'; '.join(notes)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
