"""Time `vetting import fmtrpt` on all 6,051 Mexico rows of the training report (shipped in cases/mexico-sfm/data).

    .venv/bin/python benchmarks/bench_import.py            # best of 3 runs, in-process, roster: the shipped cases

Prints the CPU and wall time of each run (reading, matching against the roster, writing the folder) and the counts.
Not a test: nothing is asserted about time.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from vetting.cli import main  # noqa: E402

ROWS = ROOT / "cases" / "mexico-data" / "fmtrpt_mexico_fy2001_2019.tsv"
ROSTERS = [ROOT / "cases" / "mexico-2015", ROOT / "cases" / "mexico-sfm"]
ALIASES = ROOT / "cases" / "mexico-data" / "import" / "trainee-aliases.yaml"


def run_once(out: Path) -> tuple[float, str]:
    argv = ["import", "fmtrpt", str(ROWS), "-o", str(out), "--skip-bad"]
    for roster in ROSTERS:
        if any(roster.glob("*.yaml")):
            argv += ["--roster", str(roster)]
    if ALIASES.exists():
        argv += ["--aliases", str(ALIASES)]
    stdout, stderr = io.StringIO(), io.StringIO()
    start, cpu = time.perf_counter(), time.process_time()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        status = main(argv)
    elapsed = time.perf_counter() - start
    print(f"  cpu {time.process_time() - cpu:.2f} s", end="")
    if status != 0:
        raise SystemExit(stderr.getvalue())
    return elapsed, stdout.getvalue().strip()


def main_bench() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        times = []
        for i in range(runs):
            elapsed, summary = run_once(Path(tmp) / f"out{i}")
            times.append(elapsed)
            print(f", wall {elapsed:.2f} s (run {i + 1})")
    print(summary)
    print(f"best of {runs}: {min(times):.2f} s for {ROWS.name}")


if __name__ == "__main__":
    main_bench()
