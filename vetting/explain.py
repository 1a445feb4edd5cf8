"""Explain one decision down to the statute and the quoted source.

For a unit, person or proposal: its status (or outcome) under each law, every finding with the rule's plain
sentence and its citation, and every fact the finding rests on with the sources and quotes behind it.
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
        cite = rules.citations[f.citation]
        findings.append({
            "rule": f.rule, "title": rule.title, "says": rule.says.strip(), "law": f.law, "effect": f.effect,
            "lifted": f.lifted,
            "citation": {"id": f.citation, "label": cite.label(), "title": cite.title, "url": cite.url},
            "because": [_fact(case, ref) for ref in f.because],
        })
    out["findings"] = findings
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
    from rich.markup import escape

    state = (f"{data['outcome']} under the {data['law']} law" if data["kind"] == "proposal"
             else ", ".join(f"{law}: {status}" for law, status in data["status"].items()))
    console.print(f"[bold]{escape(data['name'])}[/bold] ({data['id']}, {data['kind']}) as of {data['as_of']}: {state}")
    if data["hypotheses"]:
        console.print(f"[dim]with hypotheses: {', '.join(data['hypotheses'])}[/dim]")
    if not data["findings"]:
        console.print("No finding: nothing in the case bears on it.")
    for f in data["findings"]:
        lifted = " [cyan](lifted by an exception)[/cyan]" if f["lifted"] else ""
        console.print(f"\n[bold]{escape(f['law'])}[/bold] · {escape(f['effect'])}{lifted} · {escape(f['title'])} "
                      f"[dim]({escape(f['rule'])})[/dim]")
        console.print(f"  {escape(f['says'])}")
        cite = f["citation"]
        console.print(f"  [italic]{escape(cite['label'])}[/italic] — {escape(cite['title'])} <{escape(cite['url'])}>")
        for fact in f["because"]:
            console.print(f"  • {fact['kind']} [bold]{fact['id']}[/bold]: {escape(str(fact['label']))}")
            if fact.get("confidence"):
                console.print(f"    [dim]the source's confidence: {fact['confidence']}[/dim]")
            if fact["assumption"]:
                console.print(f"    [yellow]assumption:[/yellow] {escape(fact['assumption'])}")
            for s in fact["sources"]:
                where = ", ".join(p for p in (s["publisher"], s["date"]) if p)
                link = f" <{escape(s['url'])}>" if s["url"] else ""  # a url may hold `[`: markup, unescaped
                console.print(f"    ↳ {escape(s['title'])} ({escape(where)}){link}")
                unchecked = "" if s["verification"] != UNCHECKED else " [yellow](not checked: text not shipped)[/yellow]"
                for quote in s["quotes"]:
                    console.print(f"      “{escape(quote)}”{unchecked}")
                for note in s["notes"]:
                    console.print(f"      [dim]{escape(note)}[/dim]")
