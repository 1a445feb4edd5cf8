"""Reports: the versioned JSON contract (design §4) and a readable terminal form."""
from __future__ import annotations

from vetting import facts as factlib, jsontext, provenance
from vetting.decide import Report
from vetting.errors import escape_hidden
from vetting.reports.words import OUTCOME_MEANING, REGISTER_SECTIONS, status_text, withholding_text

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
    # json.dumps(data, indent=2, ensure_ascii=False), the same text faster (vetting/jsontext.py); hidden
    # characters (a bidirectional override in a name) as JSON escapes: the same string, visibly written
    return escape_hidden(jsontext.dumps(data, indent=2) + "\n")


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
    print_wrapped(console, f"rule set {report.rules.label} ({report.rules.sha256[:12]}), laws: "
                           f"{', '.join(report.laws)}")

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
        for outcome in sorted({p.outcome for p in report.proposals.values()} & set(OUTCOME_MEANING)):
            print_wrapped(console, f"{outcome}: {OUTCOME_MEANING[outcome]}", hang=2)

    if report.tasks:
        print_table(console, "Tasks", [Column(c, whole=True) for c in ("task", "law", "subject", "due", "citation")],
                    [[str(t.kind), t.law, str(t.subject), t.due.isoformat() if t.due else "—", str(t.citation)]
                     for t in report.tasks], subject_first=False)


def _figure(personnel) -> str:
    return f"{personnel:,}" if personnel is not None else ""


# 2: the public list apart from suspended units, held proposals, the analysts' own readings and withheld units
REGISTER_FORMAT = "vetting-register/2"
def register(report: Report) -> dict:
    """The register as of D: the (d)(7) public list of barred units, and apart from it the units barred only by
    the analysts' reading, the barred units withheld from publication, the suspended units and the held
    proposals. Which section a unit falls in is data work on the decided statuses (docs/decisions.md,
    "The register"): the rules decide the statuses."""
    case, laws = report.case, report.laws
    sections: dict = {name: [] for name in REGISTER_SECTIONS}
    for unit in report.units.values():
        barred = any(unit.status[law] == "ineligible" for law in laws)
        if not barred and not any(unit.status[law] == "suspended" for law in laws):
            continue
        live = [f for f in unit.findings if f.effect in ("bar", "suspend") and not f.lifted]
        information = sorted({ref for f in live for ref in f.because if ref in case.information})
        row = {"id": unit.id, "name": unit.name, "personnel": case.units[unit.id].personnel,
               "status": unit.status, "rules": sorted({f.rule for f in live}), "information": information,
               "assessed_by": sorted({_assessed_by(case.information[ref]) for ref in information})}
        if not barred:
            sections["suspended"].append(row)
            continue
        withheld = [w for w in case.units[unit.id].withheld_from_publication if w.stands(report.as_of)]
        bars = {ref for f in live if f.effect == "bar" for ref in f.because if ref in case.information}
        if withheld:
            latest = max(withheld, key=lambda w: w.on)  # the withholding in force: the most recent one
            sections["withheld"].append({**row, "withholding": _withholding(latest, report.as_of)})
        elif any(_assessed_by(case.information[ref]) == "government" for ref in bars):
            sections["barred"].append(row)
        else:
            sections["assessments"].append(row)
    sections["held"] = [{"id": p.id, "title": p.title, "law": p.law, "outcome": p.outcome,
                         "rules": sorted({f.rule for f in p.findings if f.effect == "hold"})}
                        for p in report.proposals.values() if p.outcome == "held"]
    return {"format": REGISTER_FORMAT, "as_of": report.as_of.isoformat(), "laws": list(laws),
            "rule_set": {"name": report.rules.info.name, "version": report.rules.info.version,
                         "sha256": report.rules.sha256},
            "cases": [{"id": case.info.id, "sha256": case.sha256}],
            "hypotheses": [h.id for h in case.hypotheses], **sections}


def _assessed_by(item) -> str:
    """`government` or `analyst`: an assessment that does not say is the analysts' (docs/case-format.md)."""
    return item.assessment.made_by or "analyst"


def _withholding(w, as_of) -> dict:
    reported = w.reported if w.reported in (None, "unknown") or w.reported <= as_of else None
    out = {"on": w.on.isoformat(), "ground": w.ground, "justification": w.justification,
           "reported": reported if reported in (None, "unknown") else reported.isoformat(),
           "sources": [c.source for c in w.sources]}
    if reported is None:  # said, not judged: the case records what the government did
        out["note"] = ("not reported to the committees by this date: 2378d(d)(7) withholds a name only on a "
                       "determination reported with a detailed justification")
    elif reported == "unknown":
        out["note"] = "the sources do not say whether the determination was reported to the committees"
    return out


def render_register(data: dict, console) -> None:
    from rich.text import Text

    from vetting.reports.layout import Column, print_table, print_wrapped, subject

    print_wrapped(console, Text("Register of barred units", style="bold")
                  + Text(f" — {', '.join(c['id'] for c in data['cases'])} — as of {data['as_of']}"
                         + (f" — with {', '.join(data['hypotheses'])}" if data["hypotheses"] else "")))
    for name, title in REGISTER_SECTIONS.items():
        rows = data[name]
        console.print()
        print_wrapped(console, Text(title, style="bold"))
        if not rows:
            console.print("None.")
        elif name == "held":
            print_table(console, None, [Column("proposal"), Column("law", True), Column("outcome", True)],
                        [[subject(row["title"], row["id"]), row["law"] or "none", status_text(row["outcome"])]
                         for row in rows])
        else:
            extra = [Column("withheld", True)] if name == "withheld" else []
            print_table(console, None, [Column("unit"), Column("personnel", True, "right"),
                                        *(Column(law, whole=True) for law in data["laws"]),
                                        Column("information", True), *extra],
                        [[subject(row["name"], row["id"]), _figure(row["personnel"]),
                          *(status_text(row["status"][law]) for law in data["laws"]), ", ".join(row["information"]),
                          *([withholding_text(row["withholding"])] if name == "withheld" else [])]
                         for row in rows])


def to_markdown(report: Report) -> str:
    from vetting.reports import markdown, tables

    return markdown.render(tables.evaluation(report))


def to_html(report: Report) -> str:
    from vetting.reports import html, tables

    return html.render(tables.evaluation(report))
