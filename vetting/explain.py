"""Explain one decision down to the statute and the quoted source.

For a unit, person or proposal: its status (or outcome) under each law, every finding with the rule's plain
sentence and its citation, every fact the finding rests on with the sources and quotes behind it, and the
tasks open about it (a decision resting on an unknown names the task to find out).
"""
from __future__ import annotations

from vetting.decide import Report
from vetting.errors import InputError, did_you_mean
from vetting.load import COLLECTIONS


def explain(report: Report, subject: str) -> dict:
    kind, decided = _find(report, subject)
    rules, case = report.rules, report.case
    out = {"id": subject, "kind": kind, "name": getattr(decided, "name", getattr(decided, "title", "")),
           "as_of": report.as_of.isoformat(),
           "hypotheses": [h.id for h in case.hypotheses]}
    if kind == "proposal":
        out.update(law=decided.law, outcome=decided.outcome)
    else:
        out["status"] = decided.status
    findings = []
    for f in decided.findings:
        rule = rules.rule(f.rule)
        cite = rules.citations[f.citation].on(report.as_of)  # the wording in force then
        findings.append({
            "rule": f.rule, "title": rule.title, "says": rule.says.strip(), "law": f.law, "effect": f.effect,
            "lifted": f.lifted,
            "citation": {"id": f.citation, "label": cite.label(), "title": cite.title, "url": cite.url},
            "because": [_fact(case, ref) for ref in f.because],
        })
    out["findings"] = findings
    # what someone must find out or do about it, e.g. the parent of a unit held because its parent is unknown
    tasks = [{"kind": t.kind, "law": t.law, "due": t.due.isoformat() if t.due else None, "rule": t.rule,
              "citation": rules.citations[t.citation].on(report.as_of).label()}
             for t in report.tasks if t.subject == subject]
    if tasks:
        out["tasks"] = tasks
    return out


def _find(report: Report, subject: str):
    for kind, table in (("unit", report.units), ("person", report.people), ("proposal", report.proposals)):
        if subject in table:
            return kind, table[subject]
    known = list(report.units) + list(report.people) + list(report.proposals)
    raise InputError(f"`{subject}` is not a unit, person or proposal of the case", field="SUBJECT",
                     hint=did_you_mean(subject, known))


def _fact(case, ref: str) -> dict:
    for name in COLLECTIONS:
        entity = case.collection(name).get(ref)
        if entity is None:
            continue
        label = (getattr(entity, "summary", None) or getattr(entity, "title", None) or getattr(entity, "name", None)
                 or getattr(entity, "description", None) or f"{entity.kind} by {getattr(entity, 'by', '?')}")
        sources: dict = {}
        for cite in getattr(entity, "sources", []):
            source = case.sources[cite.source]
            entry = sources.setdefault(source.id, {
                "source": source.id, "title": source.title, "publisher": source.publisher,
                "date": source.date.isoformat() if source.date else None, "url": source.url, "quotes": [],
                "notes": []})
            if cite.quote:
                entry["quotes"].append(cite.quote)
            if cite.note:
                entry["notes"].append(cite.note)
            entry["verification"] = verification(source, entry["quotes"])
        out = {"id": ref, "kind": name, "label": label, "assumption": getattr(entity, "assumption", None),
               "sources": list(sources.values())}
        if getattr(entity, "confidence", None):
            out["confidence"] = entity.confidence  # the source's own confidence in the fact (SFM)
        return out
    return {"id": ref, "kind": "unknown", "label": ref, "assumption": None, "sources": []}


VERIFIED = "quote found in the shipped text"
UNCHECKED = "quote from a source whose text is not shipped: not checked"
PARAPHRASE = "no quote: the case's own words"


def verification(source, quotes: list) -> str:
    """How the facts cited from this source can be checked: `validate` finds every quote of a source whose text
    the case ships; a quote from any other source is only as good as whoever copied it."""
    if not quotes:
        return PARAPHRASE
    return VERIFIED if source.text else UNCHECKED


def render_terminal(data: dict, console) -> None:
    from rich.text import Text

    from vetting.reports.layout import print_wrapped

    from vetting.report import OUTCOME_MEANING

    meaning = f" ({OUTCOME_MEANING[data['outcome']]})" if data.get("outcome") in OUTCOME_MEANING else ""
    state = (f"{data['outcome']} under the {data['law']} law{meaning}" if data["kind"] == "proposal"
             else ", ".join(f"{law}: {status}" for law, status in data["status"].items()))
    print_wrapped(console, Text(data["name"], style="bold")
                  + Text(f" ({data['id']}, {data['kind']}) as of {data['as_of']}: {state}"), hang=2)
    if data["hypotheses"]:
        print_wrapped(console, Text(f"with hypotheses: {', '.join(data['hypotheses'])}", style="dim"), hang=2)
    if not data["findings"]:
        console.print("No finding: nothing in the case bears on it.")
    for f in data["findings"]:
        console.print()
        head = Text(f["law"], style="bold") + Text(f" · {f['effect']}")
        if f["lifted"]:
            head += Text(" (lifted by an exception)", style="cyan")
        print_wrapped(console, head + Text(f" · {f['title']} ") + Text(f"({f['rule']})", style="dim"), hang=2)
        print_wrapped(console, f["says"], indent=2)
        cite = f["citation"]
        print_wrapped(console, Text(cite["label"], style="italic") + Text(f" — {cite['title']} <{cite['url']}>"),
                      indent=2, hang=4)
        for fact in f["because"]:
            print_wrapped(console, Text(f"• {fact['kind']} ") + Text(fact["id"], style="bold")
                          + Text(f": {fact['label']}"), indent=2, hang=4)
            if fact.get("confidence"):
                print_wrapped(console, Text(f"the source's confidence: {fact['confidence']}", style="dim"), indent=4,
                              hang=4)
            if fact["assumption"]:
                print_wrapped(console, Text("assumption: ", style="yellow") + Text(fact["assumption"]),
                              indent=4, hang=6)
            for s in fact["sources"]:
                where = ", ".join(p for p in (s["publisher"], s["date"]) if p)
                link = f" <{s['url']}>" if s["url"] else ""
                print_wrapped(console, f"↳ {s['title']} ({where}){link}", indent=4, hang=6)
                unchecked = Text(" (not checked: text not shipped)", style="yellow") \
                    if s["verification"] == UNCHECKED else Text("")
                for quote in s["quotes"]:
                    print_wrapped(console, Text(f"“{quote}”") + unchecked, indent=6, hang=7)
                for note in s["notes"]:
                    print_wrapped(console, Text(note, style="dim"), indent=6, hang=6)
    for t in data.get("tasks", ()):
        console.print()
        due = f", due {t['due']}" if t["due"] else ""
        print_wrapped(console, Text(t["law"], style="bold") + Text(f" · task: {t['kind']}{due} — {t['citation']} ")
                      + Text(f"({t['rule']})", style="dim"), hang=2)
