"""Reports: the versioned JSON contract (design §4) and a readable terminal form."""
from __future__ import annotations

import json

from vetting import facts as factlib, provenance
from vetting.decide import Report
from vetting.errors import escape_hidden

# 2: a proposal held because its recipients are not identified is `held` (effect `hold`), no longer `suspended`
FORMAT = "vetting-report/2"


def to_json(report: Report) -> dict:
    case = report.case
    return {
        "format": FORMAT,
        "as_of": report.as_of.isoformat(),
        "laws": list(report.laws),
        "rule_set": {"name": report.rules.info.name, "version": report.rules.info.version,
                     "sha256": report.rules.sha256, **provenance.rule_set_record(report.rules)},
        "cases": [{"id": case.info.id, "sha256": case.sha256, **provenance.case_record(case)}],
        "hypotheses": [{"id": h.id, "title": h.title, **file}
                       for h, file in zip(case.hypotheses, provenance.hypothesis_records(case))],
        "units": [{"id": u.id, "name": u.name, "parent": factlib.parent_on(case.units[u.id], report.as_of),
                   "personnel": case.units[u.id].personnel, "status": u.status,
                   "findings": [f.to_dict() for f in u.findings]} for u in report.units.values()],
        "people": [{"id": p.id, "name": p.name, "count": case.people[p.id].count, "status": p.status,
                    "findings": [f.to_dict() for f in p.findings]} for p in report.people.values()],
        "proposals": [{"id": p.id, "title": p.title, "law": p.law, "outcome": p.outcome,
                       **({"outcomes": p.outcomes} if p.outcomes else {}),  # mixed funding: per law
                       "findings": [f.to_dict() for f in p.findings]} for p in report.proposals.values()],
        "tasks": [t.to_dict() for t in report.tasks],
        "software": provenance.software(),  # with the sha256 of every input: what `vetting verify` re-runs
    }


def dumps(data: dict) -> str:
    # hidden characters (a bidirectional override in a name) as JSON escapes: the same string, visibly written
    return escape_hidden(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


STATUS_STYLE = {"eligible": "green", "suspended": "yellow", "ineligible": "bold red", "remediated": "cyan",
                "approved": "green", "held": "blue", "approved-by-exception": "cyan", "waived": "magenta",
                "rejected": "bold red", "not-covered": "dim"}


# what an outcome word alone does not say
OUTCOME_MEANING = {"held": "recipients not identified: a gap in the data, not a human-rights suspension"}


def status_text(value: str):
    """A status or outcome as rich Text with its colour (unknown words plain)."""
    from rich.text import Text

    return Text(value, style=STATUS_STYLE.get(value, ""))


def _reasons(findings, skip=("note",)) -> str:
    return ", ".join(sorted({f.rule for f in findings if f.effect not in skip}))


def render_terminal(report: Report, console) -> None:
    from rich.text import Text

    from vetting.reports.layout import Column, print_table, print_wrapped, subject
    from vetting.reports.personnel import with_status

    case = report.case
    title = f"{case.info.title} — as of {report.as_of.isoformat()}"
    if case.hypotheses:
        title += " — with " + ", ".join(h.id for h in case.hypotheses)
    print_wrapped(console, Text(title, style="bold"))
    print_wrapped(console, f"rule set {report.rules.info.name} {report.rules.info.version} "
                           f"({report.rules.sha256[:12]}), laws: {', '.join(report.laws)}")

    laws = [Column(law, whole=True) for law in report.laws]
    print_table(console, "Units", [Column("unit"), Column("personnel", True, "right"), *laws,
                                   Column("because", whole=True)],
                [[subject(u.name, u.id), _figure(case.units[u.id].personnel),
                  *(status_text(u.status[law]) for law in report.laws), _reasons(u.findings)]
                 for u in report.units.values()])
    for status in ("ineligible", "suspended"):
        totals = "; ".join(f"{law}: {with_status(report, law, (status,))}" for law in report.laws)
        print_wrapped(console, f"Personnel {status} — {totals}", hang=2)

    if report.people:
        print_table(console, "People", [Column("person"), *laws],
                    [[subject(p.name, p.id), *(status_text(p.status[law]) for law in report.laws)]
                     for p in report.people.values()])

    if report.proposals:
        print_table(console, "Proposals",
                    [Column("proposal"), Column("law", True), Column("outcome", True), Column("because", True)],
                    [[subject(p.title, p.id), p.law or "none", status_text(p.outcome),
                      _reasons(p.findings, ("note", "covered"))] for p in report.proposals.values()])

    if report.tasks:
        print_table(console, "Tasks", [Column(c, whole=True) for c in ("task", "law", "subject", "due", "citation")],
                    [[str(t.kind), t.law, str(t.subject), t.due.isoformat() if t.due else "—", str(t.citation)]
                     for t in report.tasks], subject_first=False)


def _figure(personnel) -> str:
    return f"{personnel:,}" if personnel is not None else ""


REGISTER_FORMAT = "vetting-register/1"
BARRED = ("ineligible", "suspended")


def register(report: Report) -> dict:
    """The register of units barred or suspended on the as-of date, with the information behind each."""
    rows = []
    for unit in report.units.values():
        if not any(unit.status[law] in BARRED for law in report.laws):
            continue
        live = [f for f in unit.findings if f.effect in ("bar", "suspend") and not f.lifted]
        information = sorted({ref for f in live for ref in f.because if ref in report.case.information})
        rows.append({"id": unit.id, "name": unit.name, "personnel": report.case.units[unit.id].personnel,
                     "status": unit.status, "rules": sorted({f.rule for f in live}), "information": information})
    return {"format": REGISTER_FORMAT, "as_of": report.as_of.isoformat(), "laws": list(report.laws),
            "rule_set": {"name": report.rules.info.name, "version": report.rules.info.version,
                         "sha256": report.rules.sha256},
            "cases": [{"id": report.case.info.id, "sha256": report.case.sha256}],
            "hypotheses": [h.id for h in report.case.hypotheses], "units": rows}


def render_register(data: dict, console) -> None:
    from rich.text import Text

    from vetting.reports.layout import Column, print_table, print_wrapped, subject

    print_wrapped(console, Text("Register of barred and suspended units", style="bold")
                  + Text(f" — {', '.join(c['id'] for c in data['cases'])} — as of {data['as_of']}"
                         + (f" — with {', '.join(data['hypotheses'])}" if data["hypotheses"] else "")))
    if not data["units"]:
        console.print("No unit is barred or suspended.")
        return
    print_table(console, None, [Column("unit"), Column("personnel", True, "right"),
                                *(Column(law, whole=True) for law in data["laws"]), Column("information", True)],
                [[subject(row["name"], row["id"]), _figure(row["personnel"]),
                  *(status_text(row["status"][law]) for law in data["laws"]), ", ".join(row["information"])]
                 for row in data["units"]])


def to_markdown(report: Report) -> str:
    from vetting.reports import markdown, tables

    return markdown.render(tables.evaluation(report))


def to_html(report: Report) -> str:
    from vetting.reports import html, tables

    return html.render(tables.evaluation(report))
