"""Explain one decision down to the statute and the quoted source.

For a unit, person or proposal: its status (or outcome) under each law, every finding with the rule's plain
sentence and its citation, and every fact the finding rests on with the sources and quotes behind it; then what
an analyst must see beside the findings (vetting.context): the information items with their dates, the
determinations that do or do not lift, the tasks, the barred units under it. Only what the government could have
had on the as-of date is shown: a source dated after it is left out (and counted), and the law is cited as it read
then.
"""
from __future__ import annotations

import datetime as dt

from vetting.decide import Report
from vetting.errors import InputError, did_you_mean
from vetting.case.load import COLLECTIONS

# format 1 had no `format` key; 2 adds it, `information`, `determinations`, `tasks`, `barred_under` and the
# sources left out as later than the as-of date (README, "explain")
FORMAT = "vetting-explanation/2"


def explain(report: Report, subject: str) -> dict:
    from vetting import explain_context as context

    kind, decided = _find(report, subject)
    rules, case = report.rules, report.case
    out = {"format": FORMAT, "id": subject, "kind": kind,
           "name": getattr(decided, "name", getattr(decided, "title", "")),
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
            "because": [_fact(case, ref, report.as_of) for ref in f.because],
        })
    out["findings"] = findings
    out.update(context.beside(report, kind, subject))
    later = {cite.source for f in decided.findings for ref in f.because for cite in _sources_of(case, ref)
             if not existed_on(case.sources[cite.source], report.as_of)}
    out["later_sources_left_out"] = len(later)  # distinct sources, however many facts cite them
    return out


def _sources_of(case, ref: str) -> list:
    for name in COLLECTIONS:
        entity = case.collection(name).get(ref)
        if entity is not None:
            return list(getattr(entity, "sources", []))
    return []


def _find(report: Report, subject: str):
    for kind, table in (("unit", report.units), ("person", report.people), ("proposal", report.proposals)):
        if subject in table:
            return kind, table[subject]
    known = list(report.units) + list(report.people) + list(report.proposals)
    raise InputError(f"`{subject}` is not a unit, person or proposal of the case", field="SUBJECT",
                     hint=did_you_mean(subject, known))


def existed_on(source, as_of: dt.date) -> bool:
    """Whether the source may have existed on the as-of date: its first possible day is on or before it. An
    undated source is kept (nothing says it is later); `date_note` marks it and one that may be later."""
    return source.date is None or getattr(source.date, "first", source.date) <= as_of


def date_note(source, as_of: dt.date) -> str | None:
    if source.date is None:
        return "undated"
    if getattr(source.date, "last", source.date) > as_of:
        return "may be later than the as-of date"
    return None


def _label(entity) -> str:
    if getattr(entity, "kind", None) and hasattr(entity, "made"):  # a determination: what, for whom, when
        return f"{entity.kind} for {entity.unit}, made {entity.made.isoformat()}"
    return (getattr(entity, "summary", None) or getattr(entity, "title", None) or getattr(entity, "name", None)
            or getattr(entity, "description", None) or f"{entity.kind} by {getattr(entity, 'by', '?')}")


def _fact(case, ref: str, as_of: dt.date) -> dict:
    for name in COLLECTIONS:
        entity = case.collection(name).get(ref)
        if entity is None:
            continue
        label = _label(entity)
        sources: dict = {}
        later = set()
        for cite in getattr(entity, "sources", []):
            source = case.sources[cite.source]
            if not existed_on(source, as_of):  # no May 2015 quote justifies an October 2014 status
                later.add(source.id)
                continue
            entry = sources.setdefault(source.id, {
                "source": source.id, "title": source.title, "publisher": source.publisher,
                "date": source.date.isoformat() if source.date else None, "url": source.url, "quotes": [],
                "notes": []})
            if date_note(source, as_of):
                entry["dated"] = date_note(source, as_of)
            if cite.quote:
                entry["quotes"].append(cite.quote)
            if cite.note:
                entry["notes"].append(cite.note)
            entry["verification"] = verification(source, entry["quotes"])
        out = {"id": ref, "kind": name, "label": label, "assumption": getattr(entity, "assumption", None),
               "sources": list(sources.values()), "later_sources_left_out": len(later)}
        if getattr(entity, "confidence", None):
            out["confidence"] = entity.confidence  # the source's own confidence in the fact (SFM)
        return out
    return {"id": ref, "kind": "unknown", "label": ref, "assumption": None, "sources": [], "later_sources_left_out": 0}


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

    from vetting.reports.words import OUTCOME_MEANING

    meaning = f" ({OUTCOME_MEANING[data['outcome']]})" if data.get("outcome") in OUTCOME_MEANING else ""
    state = (f"{data['outcome']} under the {data['law']} law{meaning}" if data["kind"] == "proposal"
             else ", ".join(f"{law}: {status}" for law, status in data["status"].items()))
    print_wrapped(console, Text(data["name"], style="bold")
                  + Text(f" ({data['id']}, {data['kind']}) as of {data['as_of']}: {state}"), hang=2)
    if data["hypotheses"]:
        print_wrapped(console, Text(f"with hypotheses: {', '.join(data['hypotheses'])}", style="dim"), hang=2)
    if not data["findings"]:
        console.print(no_finding(data))
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
            if fact["later_sources_left_out"]:
                n = fact["later_sources_left_out"]
                print_wrapped(console, Text(f"{n} source{'s' if n != 1 else ''} dated after {data['as_of']} left out",
                                            style="yellow"), indent=4, hang=6)
            for s in fact["sources"]:
                where = ", ".join(p for p in (s["publisher"], s["date"], s.get("dated")) if p)
                link = f" <{s['url']}>" if s["url"] else ""
                print_wrapped(console, f"↳ {s['title']} ({where}){link}", indent=4, hang=6)
                unchecked = Text(" (not checked: text not shipped)", style="yellow") \
                    if s["verification"] == UNCHECKED else Text("")
                for quote in s["quotes"]:
                    print_wrapped(console, Text(f"“{quote}”") + unchecked, indent=6, hang=7)
                for note in s["notes"]:
                    print_wrapped(console, Text(note, style="dim"), indent=6, hang=6)
    render_context(data, console)


# the headings of the sections beside the findings, each on a line of its own (render_context)
CONTEXT_HEADINGS = ("Information held on ", "Determinations", "Tasks", "Barred or suspended units under it",
                    "Left out as dated after ")


def no_finding(data: dict) -> str:
    if any(data[key] for key in ("information", "determinations", "tasks", "barred_under")):
        return "No finding about it; what concerns it is listed below."
    return "No finding: nothing in the case bears on it."


def render_context(data: dict, console) -> None:
    """The sections beside the findings: information, determinations, tasks, units barred under it, and what
    was left out as later than the as-of date."""
    from rich.text import Text

    from vetting.reports.layout import print_wrapped

    if data["information"]:
        console.print()
        console.print(Text(f"Information held on {data['as_of']}", style="bold"))
    for item in data["information"]:
        print_wrapped(console, Text("• ") + Text(item["id"], style="bold")
                      + Text(f" ({item['incident'] or 'no incident'}): {item_line(item)}"), indent=2, hang=4)
        if item["assessment"]["basis"]:
            note = f" ({item['assessment']['note']})" if item["assessment"].get("note") else ""
            print_wrapped(console, Text(f"basis: {item['assessment']['basis']}", style="dim")
                          + Text(note, style="yellow"), indent=4, hang=6)
    if data["determinations"]:
        console.print()
        console.print(Text("Determinations", style="bold"))
    for det in data["determinations"]:
        print_wrapped(console, Text("• ") + Text(det["id"], style="bold") + Text(f": {determination_line(det)}"),
                      indent=2, hang=4)
        for reason in det["reasons"]:
            print_wrapped(console, Text(reason, style="dim"), indent=4, hang=6)
    if data["tasks"]:
        console.print()
        console.print(Text("Tasks", style="bold"))
    for task in data["tasks"]:
        print_wrapped(console, Text(f"• {task_line(task)}"), indent=2, hang=4)
    if data["barred_under"]:
        console.print()
        console.print(Text("Barred or suspended units under it (a bar runs down, never up)", style="bold"))
    for unit in data["barred_under"]:
        print_wrapped(console, Text(f"• {barred_line(unit)}"), indent=2, hang=4)
    left = left_out_line(data)
    if left:
        console.print()
        print_wrapped(console, Text(left, style="yellow"), hang=2)


def item_line(item: dict) -> str:
    received = item["received"]
    when = received["from"] if received["from"] == received["to"] else f"{received['from']} to {received['to']}"
    a = item["assessment"]
    assessed = a["status"] + (f" on {a['on']}" if a["on"] else "") + (f" by {a['by']}" if a["by"] else "")
    if a.get("second_tier"):
        assessed += f", second tier reviewed {a['second_tier']}"
    if a.get("note") and not a.get("basis"):  # a basis prints its own note under it
        assessed += f" ({a['note']})"
    held = {"both": "State and DoD", "state": "State only", "dod": "DoD only"}[item["held_by"]]
    return f"received {when} · held by {held} · {assessed}"


def determination_line(det: dict) -> str:
    dates = [f"made {det['made']}"]
    if det["reported"]:
        dates.append(f"reported {det['reported']}")
    if det["revoked"]:
        dates.append(f"revoked {det['revoked']}")
    whom = det["unit"] + (f", proposal {det['proposal']}" if det["proposal"] else "")
    effect = det["effect"] + (f" ({', '.join(det['by'])})" if det["by"] else "")
    return f"{det['kind']} for {whom} ({det['citation']['label']}): {', '.join(dates)} · {effect}"


def task_line(task: dict) -> str:
    due = f" · due {task['due']}" if task["due"] else ""
    return f"{task['law']} · {task['kind']} {task['subject']} ({task['citation']['label']}){due}"


def barred_line(unit: dict) -> str:
    status = ", ".join(f"{law}: {s}" for law, s in unit["status"].items())
    return f"{unit['id']} ({unit['name']}) under {', '.join(unit['under'])}: {status}"


def left_out_line(data: dict) -> str:
    counts = [(data["later_sources_left_out"], "source"), (data["later_information_left_out"], "information item"),
              (data["later_determinations_left_out"], "determination")]
    parts = [f"{n} {what}{'s' if n != 1 else ''}" for n, what in counts if n]
    return f"Left out as dated after {data['as_of']}: {', '.join(parts)}." if parts else ""
