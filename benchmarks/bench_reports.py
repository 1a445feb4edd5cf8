"""Time the reports that decide a case many times: the status timelines (one evaluation per day the case's facts
can change a decision) and the briefing built on them, on cases/mexico-2015 with each of its hypotheses.

    .venv/bin/python benchmarks/bench_reports.py

Not a test: prints days evaluated, seconds and the peak RSS of the process.
"""
from __future__ import annotations

import resource
import time
from pathlib import Path

from vetting.case.load import apply_hypotheses, load_case
from vetting.reports import briefing
from vetting.reports.timeline import timeline
from vetting.law.ruleset import load_ruleset

CASE = Path(__file__).resolve().parent.parent / "cases" / "mexico-2015"


def main() -> None:
    rules = load_ruleset(None)
    base = load_case(CASE)
    print(f"{'hypothesis':40} {'days':>5} {'timeline s':>11} {'briefing s':>11}")
    for hypothesis in [None, *sorted((CASE / "hypotheses").glob("*.yaml"))]:
        case = apply_hypotheses(base, [hypothesis] if hypothesis else [])
        start = time.perf_counter()
        result = timeline(case, "2015-05-08", rules=rules)
        middle = time.perf_counter()
        briefing.to_html(briefing.brief(case, "2015-05-08", rules=rules))
        end = time.perf_counter()
        name = hypothesis.stem if hypothesis else "(none)"
        print(f"{name:40} {result.days:5d} {middle - start:11.2f} {end - middle:11.2f}")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
