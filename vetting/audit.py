"""The aid audit: every assistance record whose recipient was barred or suspended, with why, and totals.

`audit(cases, as_of=None, each_record=False)` loads the cases given as one (several case folders merge: see
docs/importers.md) and judges every proposal (an assistance record):
- as of one date (`as_of`), or, with `each_record`, as of each record's own date: its last day (`to`), else its
  first (`from`) — the last day is the safer reading (a bar that arose during a course still counts) — a record
  with no date is listed as undated, never judged on a date it does not have;
- a record is a *hit* when a recipient unit or person was `ineligible` or `suspended` on that date under the
  record's law (State for a record no Leahy law covers: the question is whether aid reached an implicated unit);
  each hit carries the findings, their information, and each cited source with its quotes and how it is
  verified;
- records whose recipients are not identified cannot be vetted: counted apart, never a hit; so are judged
  records `held` because a recipient's unit is not known (a gap in the data, not a human-rights finding).
Totals by program and fiscal year (1 October – 30 September) sum the hits' amounts and trainees.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import replace

from vetting.decide import evaluate
from vetting.explain import PARAPHRASE, _fact
from vetting.case.merged import Case
from vetting.case.load import load_case

RESTRICTED = ("ineligible", "suspended")
FORMAT = "vetting-audit/1"


def record_date(proposal) -> dt.date | None:
    return proposal.to or proposal.from_


def fiscal_year(day: dt.date | None) -> int | None:
    return None if day is None else day.year + (1 if day.month >= 10 else 0)


def audit(cases, as_of=None, each_record: bool = False, laws="both", rules=None) -> dict:
    case = cases if isinstance(cases, Case) else load_case(cases)
    groups: dict = {}
    undated, unidentified = [], []
    for pid, proposal in case.proposals.items():
        if not (proposal.recipients.units or proposal.recipients.people):
            unidentified.append(pid)
            continue
        if each_record:
            day = record_date(proposal)
            if day is None:
                undated.append(pid)
                continue
        else:
            day = as_of
        groups.setdefault(day, []).append(pid)
    hits, held = [], 0
    for day in sorted(groups, key=lambda d: (d is None, d)):
        sub = replace(case, proposals={pid: case.proposals[pid] for pid in groups[day]})
        report = evaluate(sub, day or dt.date.today(), laws, (), rules)
        for pid in groups[day]:
            hit = _hit(case, report, case.proposals[pid])
            if hit:
                hits.append(hit)
            elif pid in report.proposals and report.proposals[pid].outcome == "held":
                held += 1
    hits.sort(key=lambda h: (h["date"], h["id"]))
    return {"format": FORMAT, "case": case.info.id,
            "mode": "as of each record's own date" if each_record else f"as of {report_day(as_of)}",
            "records": len(case.proposals), "judged": sum(len(v) for v in groups.values()),
            "unidentified": len(unidentified), "held": held, "undated": len(undated), "hits": hits,
            "totals": _totals(hits)}


def report_day(as_of) -> str:
    return str(as_of or dt.date.today())


def _hit(case: Case, report, proposal) -> dict | None:
    law = proposal.law or "state"
    if law not in report.laws:
        return None
    recipients = []
    for kind, table in (("unit", report.units), ("person", report.people)):
        for rid in getattr(proposal.recipients, "units" if kind == "unit" else "people"):
            subject = table[rid]
            status = subject.status[law]
            if status not in RESTRICTED:
                continue
            findings = [f for f in subject.findings if f.law == law and f.effect in ("bar", "suspend")
                        and not f.lifted]
            recipients.append({"kind": kind, "id": rid, "name": subject.name, "status": status,
                               "findings": [{"rule": f.rule, "effect": f.effect, "citation": f.citation,
                                             "because": [_fact(case, ref, report.as_of) for ref in f.because]}
                                            for f in findings]})
    if not recipients:
        return None
    amount = proposal.amount.value if proposal.amount else None
    return {"id": proposal.id, "title": proposal.title, "program": proposal.program or proposal.funding.account or "",
            "sources": list(proposal.funding.sources), "law": proposal.law,
            "date": str(report.as_of),
            "fiscal_year": fiscal_year(record_date(proposal) or report.as_of), "amount": amount,
            "quantity": proposal.quantity, "recipients": recipients,
            "outcome": report.proposals[proposal.id].outcome if proposal.id in report.proposals else None}


def _totals(hits: list) -> list:
    totals: dict = {}
    for hit in hits:
        key = (hit["program"], hit["fiscal_year"])
        row = totals.setdefault(key, {"program": hit["program"], "fiscal_year": hit["fiscal_year"], "records": 0,
                                      "amount": 0.0, "quantity": 0})
        row["records"] += 1
        row["amount"] += hit["amount"] or 0
        row["quantity"] += hit["quantity"] or 0
    return [totals[k] for k in sorted(totals, key=lambda k: (k[0], k[1] or 0))]


# ---------------------------------------------------------------- output

def _why(recipient: dict) -> list:
    """(information id, its label, [(source title, quote or note, verification)])."""
    out = []
    for finding in recipient["findings"]:
        for fact in finding["because"]:
            cites = []
            for source in fact["sources"]:
                for quote in source["quotes"]:
                    cites.append((source["title"], quote, source["verification"]))
                if not source["quotes"]:
                    cites.append((source["title"], "; ".join(source["notes"]), source["verification"]))
            out.append((finding["rule"], fact["id"], fact["label"], cites))
    return out


def to_csv(data: dict) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["record", "date", "fiscal_year", "program", "funding_sources", "amount_usd", "quantity",
                     "recipient", "status", "rule", "information", "source", "quote", "verification"])
    for hit in data["hits"]:
        for recipient in hit["recipients"]:
            for rule, info, _, cites in _why(recipient) or [("", "", "", [])]:
                for title, quote, verified in cites or [("", "", "")]:
                    writer.writerow([hit["id"], hit["date"], hit["fiscal_year"], hit["program"],
                                     "+".join(hit["sources"]),
                                     "" if hit["amount"] is None else f"{hit['amount']:.2f}",
                                     "" if hit["quantity"] is None else hit["quantity"], recipient["id"],
                                     recipient["status"], rule, info, title, quote, verified])
    return buffer.getvalue()


def _quoted(text: str, verification: str) -> str:
    """A quote in quotation marks; a note (the case's own words) never looks like one."""
    return f"({text})" if verification == PARAPHRASE else f"“{text}”"


def _md(text) -> str:
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")


def to_markdown(data: dict) -> str:
    lines = [f"# Aid audit — {_md(data['case'])} — {_md(data['mode'])}", "",
             f"{data['records']} assistance records: {data['judged']} judged, {data['unidentified']} with "
             f"recipients not identified (cannot be vetted), {data['held']} held (a recipient's unit not known), "
             f"{data['undated']} undated; **{len(data['hits'])} to a barred or suspended recipient**.", ""]
    if data["hits"]:
        lines += ["| record | date | program | amount (USD) | recipient | status | information | source and quote |",
                  "|---|---|---|---|---|---|---|---|"]
        for hit in data["hits"]:
            for recipient in hit["recipients"]:
                why = _why(recipient)
                info = "<br>".join(_md(f"{i} ({r})") for r, i, _, _ in why)
                quotes = "<br>".join(_md(f"{t}: {_quoted(q, v)} [{v}]") for _, _, _, cites in why
                                     for t, q, v in cites)
                amount = "" if hit["amount"] is None else f"{hit['amount']:,.0f}"
                lines.append(f"| {_md(hit['title'])} (`{hit['id']}`) | {hit['date']} | {_md(hit['program'])} | "
                             f"{amount} | {_md(recipient['name'])} | {recipient['status']} | {info} | {quotes} |")
        lines += ["", "## Totals by program and fiscal year", "", "| program | fiscal year | records | amount (USD) "
                  "| trainees |", "|---|---|---|---|---|"]
        lines += [f"| {_md(t['program'])} | {t['fiscal_year'] or '—'} | {t['records']} | {t['amount']:,.0f} | "
                  f"{t['quantity']} |" for t in data["totals"]]
    return "\n".join(lines) + "\n"


def render_terminal(data: dict, console) -> None:
    from rich.markup import escape
    from rich.table import Table

    console.print(f"[bold]Aid audit[/bold] — {escape(data['case'])} — {escape(data['mode'])}")
    console.print(f"{data['records']} assistance records: {data['judged']} judged, {data['unidentified']} with "
                  f"recipients not identified (cannot be vetted), {data['held']} held (a recipient's unit not "
                  f"known), {data['undated']} undated; [bold]{len(data['hits'])} to a barred or suspended recipient[/bold]")
    for hit in data["hits"]:
        amount = "" if hit["amount"] is None else f", ${hit['amount']:,.0f}"
        console.print(f"\n[bold]{escape(hit['title'])}[/bold] ({escape(hit['id'])}) — {hit['date']}, "
                      f"{escape(hit['program'])}{amount}")
        for recipient in hit["recipients"]:
            console.print(f"  {escape(recipient['name'])} ({escape(recipient['id'])}): {recipient['status']}")
            for rule, info, label, cites in _why(recipient):
                console.print(f"    • {escape(rule)}: {escape(info)} — {escape(str(label))}")
                for title, quote, verified in cites:
                    console.print(f"      ↳ {escape(title)}: {escape(_quoted(quote, verified))} "
                                  f"[dim]\\[{escape(verified)}][/dim]")
    if data["totals"]:
        table = Table(title="Totals by program and fiscal year")
        for column in ("program", "fiscal year", "records", "amount (USD)", "trainees"):
            table.add_column(column)
        for t in data["totals"]:
            table.add_row(escape(t["program"]), str(t["fiscal_year"] or "—"), str(t["records"]),
                          f"{t['amount']:,.0f}", str(t["quantity"]))
        console.print(table)
