"""What-if: the same case, rule set and date with and without hypotheses, and who changes status and why."""
from __future__ import annotations

from dataclasses import dataclass

from vetting import facts as factlib
from vetting.decide import Report, evaluate_variant
from vetting.case.load import apply_hypotheses, load_case
from vetting.reports import personnel

FORMAT = "vetting-whatif/2"  # 2: reports of `vetting-report/2` (the outcome `held`)


@dataclass
class Change:
    kind: str  # unit, person, proposal
    id: str
    name: str
    law: str
    before: str
    after: str
    personnel: int | None
    because: tuple  # rules behind the new status

    def to_dict(self) -> dict:
        return {"kind": self.kind, "id": self.id, "name": self.name, "law": self.law, "before": self.before,
                "after": self.after, "personnel": self.personnel, "because": list(self.because)}


@dataclass
class WhatIf:
    baseline: Report
    hypothesis: Report
    changes: list
    personnel_newly_barred: dict


def whatif(case, hypotheses, as_of, laws=("state", "dod"), rules=None, workers=None, part_size=None) -> WhatIf:
    """The case decided with and without `hypotheses`; with them, only what they change is decided again."""
    base_case = load_case(case) if not hasattr(case, "units") else case
    with_case = apply_hypotheses(base_case, hypotheses)  # validated whole before anything is evaluated
    return compare(*evaluate_variant(base_case, with_case, as_of, laws, rules, workers, part_size))


def compare(baseline: Report, hypothesis: Report) -> WhatIf:
    changes = []
    units = hypothesis.case.units
    for kind, before_all, after_all in (("unit", baseline.units, hypothesis.units),
                                        ("person", baseline.people, hypothesis.people)):
        for sid, after in after_all.items():
            before = before_all.get(sid)
            for law in hypothesis.laws:
                old = before.status[law] if before else "absent"
                if old != after.status[law]:
                    personnel = units[sid].personnel if kind == "unit" else None
                    changes.append(Change(kind, sid, after.name, law, old, after.status[law], personnel,
                                          _reasons(after.findings, law)))
        for sid, before in before_all.items():
            if sid not in after_all:
                changes.extend(Change(kind, sid, before.name, law, before.status[law], "absent", None, ())
                               for law in hypothesis.laws)
    for pid, after in hypothesis.proposals.items():
        before = baseline.proposals.get(pid)
        old = before.outcome if before else "absent"
        if old != after.outcome:
            changes.append(Change("proposal", pid, after.title, after.law or "none", old, after.outcome, None,
                                  _reasons(after.findings, after.law)))
    return WhatIf(baseline, hypothesis, changes, _newly_barred(baseline, hypothesis))


def _reasons(findings, law) -> tuple:
    return tuple(dict.fromkeys(f.rule for f in findings if (law is None or f.law == law) and f.effect not in ("note", "covered")))


def _newly_barred(baseline: Report, hypothesis: Report) -> dict:
    """Per law, the personnel of the units that become ineligible, each person counted once and never again
    when already barred (vetting.reports.personnel)."""
    units = hypothesis.case.units
    ancestors = factlib.ancestors_on(units, hypothesis.as_of)
    figures = {uid: unit.personnel for uid, unit in units.items()}
    totals = {}
    for law in hypothesis.laws:
        after = [uid for uid, unit in hypothesis.units.items() if unit.status[law] == "ineligible"]
        before = [uid for uid, unit in baseline.units.items() if unit.status[law] == "ineligible"]
        totals[law] = personnel.newly(after, before, figures, ancestors)
    return totals


def to_json(result: WhatIf) -> dict:
    from vetting.report import to_json as report_json

    return {"format": FORMAT, "baseline": report_json(result.baseline),
            "hypothesis": report_json(result.hypothesis),
            "changes": [c.to_dict() for c in result.changes],
            # the known count, as in vetting-whatif/1 and 2; the detail says what it leaves out
            "personnel_newly_barred": {law: p.known for law, p in result.personnel_newly_barred.items()},
            "personnel_newly_barred_detail": {law: p.to_dict() for law, p in result.personnel_newly_barred.items()}}


def render_terminal(result: WhatIf, console) -> None:
    from rich.text import Text

    from vetting.reports.words import status_text
    from vetting.reports.layout import Column, print_table, print_wrapped, subject

    hyp = result.hypothesis
    print_wrapped(console, Text(f"What if: {'; '.join(h.title for h in hyp.case.hypotheses)}", style="bold"))
    for h in hyp.case.hypotheses:
        print_wrapped(console, Text(f"{h.id}: {h.rationale.strip()}", style="dim"), hang=2)
    print_wrapped(console, f"{hyp.case.info.title}, as of {hyp.as_of.isoformat()}")
    if not result.changes:
        console.print("No unit, person or proposal changes status.")
        return
    print_table(console, None, [Column("who"), Column("kind", True), Column("law", True), Column("before", True),
                                Column("after", True), Column("personnel", True, "right"), Column("why", True)],
                [[subject(c.name, c.id), c.kind, c.law, status_text(c.before), status_text(c.after),
                  f"{c.personnel:,}" if c.personnel is not None else "", ", ".join(c.because)]
                 for c in result.changes])
    barred = "; ".join(f"{law}: {n}" for law, n in result.personnel_newly_barred.items())
    print_wrapped(console, f"Personnel newly barred — {barred}", hang=2)
