"""What an analyst must see beside a subject's findings, as of the date (issue 9): the information items that
concern it, with the days each was received and assessed and who held it; the determinations about it, and why
each does or does not lift a bar on that day; the tasks that concern it; the barred or suspended units under it
(or under a proposal's recipients).

Nothing here decides: whether a determination lifts anything is read from the findings the rules concluded; the
dates are the case's, shown as the engine reads them. What the government could not have had on the as-of date
(an item received later, a determination made later) is left out and counted, never shown.
"""
from __future__ import annotations

import datetime as dt

from vetting import facts as factlib
from vetting.decide import Report

# the provision each kind of determination is made under (the wording in force on the date is cited)
DETERMINATION_CITATION = {"state-effective-steps": "usc-22-2378d-b", "dod-corrective-steps": "usc-10-362-b",
                          "dod-emergency": "usc-10-362-b", "dod-waiver": "usc-10-362-c"}
DETERMINATION_LAW = {"state-effective-steps": "state", "dod-corrective-steps": "dod", "dod-emergency": "dod",
                     "dod-waiver": "dod"}
LIFTING = ("lift", "except", "waive")


def beside(report: Report, kind: str, subject: str) -> dict:
    case, as_of = report.case, report.as_of
    units = _units_concerned(report, kind, subject)
    people = _people_concerned(report, kind, subject)
    decided = _decided(report, kind, subject)
    cited = {ref for f in decided.findings for ref in f.because}

    items, later_items = [], 0
    for item in case.information.values():
        alleged = item.alleges or (case.incidents[item.incident].perpetrators if item.incident else None)
        names = alleged is not None and (set(alleged.units) & units or set(alleged.people) & people)
        force = (item.incident and case.incidents[item.incident].perpetrators.force in units)
        if not (item.id in cited or names or force):
            continue
        if item.received.from_ > as_of:
            later_items += 1
            continue
        items.append(_item(item, as_of))

    determinations, later_determinations = [], 0
    for det in case.determinations.values():
        if not (det.id in cited or det.unit in units or (kind == "proposal" and det.proposal == subject)):
            continue
        if det.made > as_of:
            later_determinations += 1
            continue
        determinations.append(_determination(report, det, _laws_of(report, kind, subject)))

    shown = {subject} | {i["id"] for i in items} | {d["id"] for d in determinations} | {
        case.information[i["id"]].incident for i in items if case.information[i["id"]].incident}
    tasks = [_task(report, t) for t in report.tasks if t.subject in shown or subject in t.because]
    return {"information": items, "later_information_left_out": later_items,
            "determinations": determinations, "later_determinations_left_out": later_determinations,
            "tasks": tasks, "barred_under": _barred_under(report, kind, subject)}


def _laws_of(report: Report, kind: str, subject: str) -> tuple:
    """The laws the subject is decided under: a proposal's are those whose funds pay for it."""
    if kind == "proposal":
        return tuple(law for law in report.case.proposals[subject].laws if law in report.laws)
    return report.laws


def _decided(report: Report, kind: str, subject: str):
    return {"unit": report.units, "person": report.people, "proposal": report.proposals}[kind][subject]


def _recipient_units(report: Report, subject: str) -> set:
    """A proposal's recipient units and the units its recipient people serve in on the date."""
    proposal = report.case.proposals[subject]
    units = set(proposal.recipients.units)
    for pid in proposal.recipients.people:
        units |= _posted_units(report, pid)
    return units


def _posted_units(report: Report, pid: str) -> set:
    person = report.case.people.get(pid)
    return {p.unit for p in person.postings if p.covers(report.as_of)} if person else set()


def _units_concerned(report: Report, kind: str, subject: str) -> set:
    """The units whose information and determinations bear on the subject: itself (or where it serves, or its
    recipients) and every unit above them on the date, since a bar and its lift run down the hierarchy."""
    if kind == "unit":
        start = {subject}
    elif kind == "person":
        start = _posted_units(report, subject)
    else:
        start = _recipient_units(report, subject)
    ancestors = factlib.ancestors_on(report.case.units, report.as_of)
    return start | {above for uid in start for above in ancestors.get(uid, ())}


def _people_concerned(report: Report, kind: str, subject: str) -> set:
    if kind == "person":
        return {subject}
    if kind == "proposal":
        return set(report.case.proposals[subject].recipients.people)
    return set()


def _v(value):
    return getattr(value, "value", value)  # an enum member or its value, as the model keeps it


def _day(value) -> str | None:
    if value is None:
        return None
    return getattr(value, "written", None) or value.isoformat()


def _item(item, as_of: dt.date) -> dict:
    a = item.assessment
    assessed = a.on is not None and a.on <= as_of
    # an assessment made after the date is not shown: on that day the item was still pending
    status = _v(a.status) if (assessed or _v(a.status) == "pending") else "pending"
    out = {"id": item.id, "summary": item.summary, "incident": item.incident,
           "received": {"from": _day(item.received.from_), "to": _day(item.received.to)},
           "held_by": item.held_by,
           "assessment": {"status": status, "on": _day(a.on) if assessed else None,
                          "by": a.by if assessed or a.on is None else None,
                          "made_by": a.made_by if assessed or a.on is None else None,
                          "basis": a.basis if assessed or a.on is None else None,
                          "second_tier": (_v(a.second_tier) if a.second_tier and assessed else None)}}
    if not assessed and a.on is not None:
        out["assessment"]["note"] = "assessed only after the as-of date"
    elif a.on is None and a.basis:  # free text with no date: it may speak of what came later
        out["assessment"]["note"] = "the basis is undated: it may rest on information later than the as-of date"
    return out


def _determination(report: Report, det, laws: tuple) -> dict:
    """A determination made by the date: its dates, and why it does or does not lift on that day. Whether it
    lifts is the rules' answer (a `lift`, `except` or `waive` finding resting on it, or a `lapse`)."""
    as_of, kind = report.as_of, _v(det.kind)
    law = DETERMINATION_LAW[kind]
    resting = [f for d in (report.units, report.people, report.proposals) for s in d.values() for f in s.findings
               if det.id in f.because]
    lifts = sorted({f.rule for f in resting if f.effect in LIFTING})
    lapses = [f for f in resting if f.effect == "lapse"]
    reported = det.reported if det.reported == "unknown" or (det.reported and det.reported <= as_of) else None
    reasons = []
    if det.revoked is not None and det.revoked <= as_of:
        reasons.append(f"revoked on {_day(det.revoked)}: no effect from that day")
    if kind == "state-effective-steps":
        if det.reported == "unknown":
            reasons.append("whether it was reported to Congress is unknown: it cannot lift a bar, which is held "
                           "as a suspension until the report is confirmed")
        elif reported is None:  # a report made after the date is not shown: on that day it was not made
            reasons.append("not reported to Congress: no effect until reported")
    else:
        if kind in ("dod-corrective-steps", "dod-waiver") and det.consulted_state is not True:
            reasons.append("consultation of the Department of State unknown: no effect until confirmed"
                           if det.consulted_state == "unknown" else "made without consulting the Department of "
                                                                    "State: no effect")
        if reported is None:
            reasons.append("not yet reported to Congress (the 15-day report is due; it does not condition the "
                           "exception)")
        elif det.reported == "unknown":
            reasons.append("whether it was reported to Congress is unknown")
    setbacks = sorted({ref for lapse in lapses for ref in lapse.because if ref != det.id})
    if setbacks:
        reasons.append(f"lapsed: {', '.join(setbacks)} (the government is no longer taking effective steps)")
    if det.review is not None:
        reasons.append(f"review due {_day(det.review)}" + (" (past)" if det.review <= as_of else ""))
    if law not in laws:
        effect = "does not apply"
        reasons.insert(0, f"a {law} determination; this is decided under {' and '.join(laws) or 'neither law'}")
    elif lapses:
        effect = "lapsed"
    elif any(f.effect == "suspend" for f in resting):  # `reported: unknown`: the bar it lifts is held instead
        effect = "holds as a suspension"
    elif lifts:
        effect = "lifts"
    else:
        effect = "lifts nothing"
        if not any(r.endswith("no effect") or "no effect" in r or "cannot lift" in r for r in reasons):
            reasons.append("names no incident whose information bears on a bar here, or that information may have "
                           "arrived after it was made")
    cite = report.rules.citations[DETERMINATION_CITATION[kind]].on(as_of)
    return {"id": det.id, "kind": kind, "law": law, "unit": det.unit, "proposal": det.proposal,
            "incidents": list(det.incidents) + list(det.information), "made": _day(det.made),
            "reported": reported if reported == "unknown" else _day(reported),
            "revoked": _day(det.revoked) if det.revoked is not None and det.revoked <= as_of else None,
            "review": _day(det.review), "effect": effect, "by": lifts, "reasons": reasons,
            "citation": {"id": DETERMINATION_CITATION[kind], "label": cite.label(), "url": cite.url}}


def _task(report: Report, task) -> dict:
    cite = report.rules.citations[task.citation].on(report.as_of)
    return {"kind": task.kind, "law": task.law, "subject": task.subject,
            "due": task.due.isoformat() if task.due else None, "rule": task.rule, "because": list(task.because),
            "citation": {"id": task.citation, "label": cite.label(), "url": cite.url}}


def _barred_under(report: Report, kind: str, subject: str) -> list:
    """Units under the subject (a formation) or under a proposal's recipient units that are barred or suspended
    on the date: a bar runs down, never up, so the formation is not barred by them, but the assistance must be
    kept from them."""
    if kind == "person":
        return []
    tops = {subject} if kind == "unit" else set(report.case.proposals[subject].recipients.units)
    out = []
    for uid, above in sorted(factlib.ancestors_on(report.case.units, report.as_of).items()):
        under = sorted(tops & set(above))
        decided = report.units.get(uid)
        if not under or decided is None:
            continue
        restricted = {law: s for law, s in decided.status.items() if s in ("ineligible", "suspended")}
        if restricted:
            out.append({"id": uid, "name": decided.name, "under": under, "status": restricted})
    return out
