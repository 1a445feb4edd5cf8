"""Time the engine (`vetting.decide.evaluate`) against the plain-Python reference (tests/reference.py).

For each size (units per case) it generates cases with tests/strategies.py's generator on a seeded
`random.Random`, evaluates each under both laws with the engine and with the reference, checks that they agree
exactly (statuses, outcomes, tasks), and prints ms per case, units per second and the peak RSS of the process.

    .venv/bin/python benchmarks/bench_engine.py                 # 50, 500, 2000 units (about a minute)
    .venv/bin/python benchmarks/bench_engine.py --sizes 50 500 --cases 5 --seed 7

Not a test: nothing is asserted about time. A disagreement is printed (the first few differences) and makes the
exit status 1.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from reference import differences, engine_decision, reference_decide  # noqa: E402
from strategies import random_case_and_date  # noqa: E402

from vetting.case.checks import check_case  # noqa: E402
from vetting.decide import evaluate  # noqa: E402


def sizes_for(units: int) -> dict:
    """Entities of each kind for a case of `units` units: a country's security forces over a decade."""
    return {"units": units, "people": units, "incidents": max(2, units // 5), "items": max(3, units // 3),
            "determinations": max(2, units // 10), "proposals": max(2, units // 5),
            "investigations": max(1, units // 20)}


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 500, 2000], help="units per case")
    parser.add_argument("--cases", type=int, default=None,
                        help="cases per size (default: 20 for up to 100 units, 5 up to 1000, 2 beyond)")
    parser.add_argument("--seed", type=int, default=2014)
    args = parser.parse_args(argv)

    evaluate(random_case_and_date(0, units=5)[0], "2015-01-01")  # load and register the rule set once
    print(f"{'units':>6} {'cases':>5} {'entities*':>9} {'engine ms/case':>15} {'ref ms/case':>12} "
          f"{'engine units/s':>15} {'ref units/s':>12} {'peak RSS MB':>12} {'not eligible':>12}  agree")
    disagreements = 0
    for units in args.sizes:
        count = args.cases or (20 if units <= 100 else 5 if units <= 1000 else 2)
        engine_s = reference_s = 0.0
        entities = 0
        agree = 0
        restricted = 0  # units not eligible under State: the cases are not trivially clean
        for index in range(count):
            case, as_of = random_case_and_date(args.seed * 100_003 + units * 101 + index, exact=True,
                                               **sizes_for(units))
            check_case(case)
            entities += sum(len(case.collection(c)) for c in ("units", "people", "incidents", "information",
                                                              "determinations", "proposals"))
            start = time.perf_counter()
            report = evaluate(case, as_of)
            engine_s += time.perf_counter() - start
            start = time.perf_counter()
            expected = reference_decide(case, as_of)
            reference_s += time.perf_counter() - start
            restricted += sum(s["state"] != "eligible" for s in expected["units"].values())
            diff = differences(expected, engine_decision(report))
            if diff:
                disagreements += 1
                print(f"  DISAGREE: {units} units, case {index}, as of {as_of}:\n    " + "\n    ".join(diff[:5]))
            else:
                agree += 1
        total_units = units * count
        print(f"{units:>6} {count:>5} {entities // count:>9} {1000 * engine_s / count:>15.1f} "
              f"{1000 * reference_s / count:>12.2f} {total_units / engine_s:>15.0f} "
              f"{total_units / reference_s:>12.0f} {peak_rss_mb():>12.0f} {restricted / total_units:>12.0%}  "
              f"{agree}/{count}", flush=True)
    print("* entities per case (units, people, incidents, information, determinations, proposals)")
    return 1 if disagreements else 0


if __name__ == "__main__":
    sys.exit(main())
