"""Differences between two decisions of one case: at two as-of dates, with hypotheses A and with A+B, or under
two readings of the law (docs/rules.md, "Readings").

The comparison is whatif's (vetting.whatif.compare): who changes status, under which law, the rules behind the
new status, and the personnel newly barred, each person counted once.
"""
from __future__ import annotations

from vetting.decide import evaluate
from vetting.errors import InputError
from vetting.case.load import apply_hypotheses, load_case
from vetting.whatif import compare

FORMAT = "vetting-diff/1"


def diff(case, as_of, to_as_of=None, hypotheses=(), plus=(), laws=("state", "dod"), rules=None, to_rules=None):
    """Decide `case` with `hypotheses` as of `as_of`, then with `hypotheses` + `plus` as of `to_as_of` (default
    the same day) under `to_rules` (default the same rule set), and compare."""
    if to_as_of is None and not plus and to_rules is None:
        raise InputError("`diff` compares two decisions: give a second date, more hypotheses or another reading",
                         hint="add `--to-as-of DATE`, `--plus HYPOTHESIS.yaml` or `--to-reading NAME`")
    base = load_case(case) if not hasattr(case, "units") else case
    left_case = apply_hypotheses(base, hypotheses)
    right_case = apply_hypotheses(left_case, plus)  # validated whole before anything is evaluated
    left = evaluate(left_case, as_of, laws, rules=rules)
    right = evaluate(right_case, to_as_of or left.as_of, laws, rules=to_rules or left.rules)
    return compare(left, right)


def side(report) -> dict:
    return {"as_of": report.as_of.isoformat(), "hypotheses": [h.id for h in report.case.hypotheses],
            "readings": [r.name for _, r in report.rules.readings]}


def label(report) -> str:
    with_ = f" with {' + '.join(h.id for h in report.case.hypotheses)}" if report.case.hypotheses else ""
    read = f", reading {' + '.join(r.name for _, r in report.rules.readings)}" if report.rules.readings else ""
    return f"as of {report.as_of.isoformat()}{with_}{read}"


def to_json(result) -> dict:
    report = result.hypothesis
    return {"format": FORMAT, "laws": list(report.laws),
            "rule_set": {"name": report.rules.info.name, "version": report.rules.info.version,
                         "sha256": report.rules.sha256},
            "cases": [{"id": report.case.info.id, "sha256": result.baseline.case.sha256}],
            "from": side(result.baseline), "to": side(report),
            "changes": [c.to_dict() for c in result.changes],
            "personnel_newly_barred": {law: p.known for law, p in result.personnel_newly_barred.items()},
            "personnel_newly_barred_detail": {law: p.to_dict() for law, p in result.personnel_newly_barred.items()}}


def render_terminal(result, console) -> None:
    from rich.text import Text

    from vetting.reports.words import status_text
    from vetting.reports.layout import Column, print_table, print_wrapped, subject

    print_wrapped(console, Text(f"{result.hypothesis.case.info.title}: {label(result.baseline)} → "
                                f"{label(result.hypothesis)}", style="bold"), hang=2)
    if not result.changes:
        console.print("No unit, person or proposal changes status.")
    else:
        print_table(console, None, [Column("who"), Column("kind", True), Column("law", True),
                                    Column("before", True), Column("after", True), Column("why", True)],
                    [[subject(c.name, c.id), c.kind, c.law, status_text(c.before), status_text(c.after),
                      ", ".join(c.because)] for c in result.changes])
    barred = "; ".join(f"{law}: {n}" for law, n in result.personnel_newly_barred.items())
    print_wrapped(console, f"Personnel newly barred — {barred}", hang=2)


def document(result):
    from vetting.reports import tables

    doc = tables.whatif(result)
    doc.title = f"{result.hypothesis.case.info.title}: {label(result.baseline)} → {label(result.hypothesis)}"
    return doc
