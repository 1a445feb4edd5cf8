"""Reports: the versioned JSON contract (design §4) and a readable terminal form."""
from __future__ import annotations

import json
import re

from vetting import facts as factlib, provenance
from vetting.decide import Report
from vetting.errors import escape_hidden

FORMAT = "vetting-report/1"


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


def styled(value: str) -> str:
    """A status or outcome with its colour, as rich markup (unknown words plain)."""
    style = STATUS_STYLE.get(value)
    return f"[{style}]{value}[/]" if style else value


STATUS_STYLE = {"eligible": "green", "suspended": "yellow", "ineligible": "bold red", "remediated": "cyan",
                "approved": "green", "approved-by-exception": "cyan", "waived": "magenta",
                "rejected": "bold red", "not-covered": "dim"}


def render_terminal(report: Report, console) -> None:
    from rich.markup import escape
    from rich.table import Table

    case = report.case
    title = f"{case.info.title} — as of {report.as_of.isoformat()}"
    if case.hypotheses:
        title += " — with " + ", ".join(h.id for h in case.hypotheses)
    console.print(f"[bold]{escape(title)}[/bold]")
    console.print(f"rule set {report.rules.info.name} {escape(report.rules.info.version)} "
                  f"({report.rules.sha256[:12]}), laws: {', '.join(report.laws)}")

    units = Table(title="Units", title_justify="left")
    units.add_column("unit")
    units.add_column("personnel", justify="right")
    for law in report.laws:
        units.add_column(law)
    units.add_column("because")
    for unit in report.units.values():
        reasons = sorted({f.rule for f in unit.findings if f.effect != "note"})
        personnel = case.units[unit.id].personnel
        units.add_row(f"{escape(unit.name)} [dim]({unit.id})[/]", f"{personnel:,}" if personnel else "",
                      *(styled(unit.status[law]) for law in report.laws), ", ".join(reasons))
    console.print(units)

    if report.people:
        people = Table(title="People", title_justify="left")
        people.add_column("person")
        for law in report.laws:
            people.add_column(law)
        for person in report.people.values():
            people.add_row(f"{escape(person.name)} [dim]({person.id})[/]",
                           *(styled(person.status[law]) for law in report.laws))
        console.print(people)

    if report.proposals:
        proposals = Table(title="Proposals", title_justify="left")
        proposals.add_column("proposal")
        proposals.add_column("law")
        proposals.add_column("outcome")
        for prop in report.proposals.values():
            proposals.add_row(f"{escape(prop.title)} [dim]({prop.id})[/]", prop.law or "none", styled(prop.outcome))
        console.print(proposals)

    if report.tasks:
        tasks = Table(title="Tasks", title_justify="left")
        for column in ("task", "law", "subject", "due", "citation"):
            tasks.add_column(column)
        for task in report.tasks:
            tasks.add_row(escape(str(task.kind)), task.law, escape(str(task.subject)),  # from rule files
                          task.due.isoformat() if task.due else "—", escape(str(task.citation)))
        console.print(tasks)


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
    from rich.markup import escape
    from rich.table import Table

    console.print(f"[bold]Register of barred and suspended units[/bold] — as of {data['as_of']}"
                  + (f" — with {', '.join(data['hypotheses'])}" if data["hypotheses"] else ""))
    if not data["units"]:
        console.print("No unit is barred or suspended.")
        return
    table = Table(title_justify="left")
    table.add_column("unit")
    table.add_column("personnel", justify="right")
    for law in data["laws"]:
        table.add_column(law)
    table.add_column("information")
    for row in data["units"]:
        table.add_row(f"{escape(row['name'])} [dim]({row['id']})[/]", f"{row['personnel']:,}" if row["personnel"] else "",
                      *(styled(row["status"][law]) for law in data["laws"]),
                      ", ".join(row["information"]))
    console.print(table)


def _rows(report: Report):
    """The report as plain rows: (section title, header, rows) for Markdown and HTML."""
    case = report.case
    laws = list(report.laws)
    units = [[f"{u.name} ({u.id})", f"{case.units[u.id].personnel:,}" if case.units[u.id].personnel else "",
              *(u.status[law] for law in laws),
              ", ".join(sorted({f.rule for f in u.findings if f.effect != "note"}))] for u in report.units.values()]
    people = [[f"{p.name} ({p.id})", *(p.status[law] for law in laws)] for p in report.people.values()]
    proposals = [[f"{p.title} ({p.id})", p.law or "none", p.outcome,
                  ", ".join(sorted({f.rule for f in p.findings if f.effect not in ("note", "covered")}))]
                 for p in report.proposals.values()]
    tasks = [[t.kind, t.law, t.subject, t.due.isoformat() if t.due else "", t.citation] for t in report.tasks]
    return [("Units", ["unit", "personnel", *laws, "because"], units),
            ("People", ["person", *laws], people),
            ("Proposals", ["proposal", "law", "outcome", "because"], proposals),
            ("Tasks", ["task", "law", "subject", "due", "citation"], tasks)]


def _heading(report: Report) -> tuple[str, str]:
    case = report.case
    title = f"{case.info.title} — as of {report.as_of.isoformat()}"
    if case.hypotheses:
        title += " — with " + ", ".join(h.id for h in case.hypotheses)
    meta = (f"Rule set {report.rules.info.name} {report.rules.info.version} ({report.rules.sha256[:12]}); "
            f"laws: {', '.join(report.laws)}; case sha256 {case.sha256[:12]}.")
    return title, meta


def to_markdown(report: Report) -> str:
    def cell(text):
        # backslash-escaped: `<script>` stays text, `[x](javascript:…)` is no link and `&#x202e;` no character in
        # any renderer, and `*`, `_`, `~` and backticks format nothing
        return re.sub(r"([\\<>\[\]|&*_~`#])", r"\\\1", str(text)).replace("\r", " ").replace("\n", " ")

    title, meta = _heading(report)
    out = [f"# {cell(title)}", "", cell(meta), ""]
    for section, header, rows in _rows(report):
        if not rows:
            continue
        out += [f"## {section}", "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        out += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
        out.append("")
    return escape_hidden("\n".join(out))


def to_html(report: Report) -> str:
    from html import escape

    title, meta = _heading(report)
    parts = ["<!doctype html>", '<html lang="en"><head><meta charset="utf-8">', f"<title>{escape(title)}</title>",
             "<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:72rem}"
             "table{border-collapse:collapse;margin-bottom:2rem}td,th{border:1px solid #ccc;padding:.3rem .6rem;"
             "text-align:left;vertical-align:top}.ineligible,.rejected{color:#b00;font-weight:bold}"
             ".suspended{color:#a60}.eligible,.approved{color:#070}.remediated,.approved-by-exception{color:#067}"
             ".waived{color:#808}.not-covered{color:#666}</style></head><body>",
             f"<h1>{escape(title)}</h1>", f"<p>{escape(meta)}</p>"]
    statuses = set(STATUS_STYLE)
    for section, header, rows in _rows(report):
        if not rows:
            continue
        parts.append(f"<h2>{section}</h2><table><thead><tr>"
                     + "".join(f"<th>{escape(h)}</th>" for h in header) + "</tr></thead><tbody>")
        for row in rows:
            cells = "".join(f'<td class="{escape(str(c))}">{escape(str(c))}</td>' if c in statuses
                            else f"<td>{escape(str(c))}</td>" for c in row)
            parts.append(f"<tr>{cells}</tr>")
        parts.append("</tbody></table>")
    parts.append("</body></html>\n")
    return escape_hidden("\n".join(parts))
