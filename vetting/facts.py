"""Turn a case into the flat facts the rules read, for one as-of date.

Plain data work only, no legal judgement: ids become strings, dates become whole days since 1970-01-01
(durable_rules compares mixed types as strings, so every date is an int), open ends become far-off days,
defaults are filled in, and the unit hierarchy on the as-of date is flattened into one `lineage` fact per
(unit, ancestor) pair so that no rule has to walk parent links.
"""
from __future__ import annotations

import datetime as dt

from vetting.case.schema import (LAW_OF_SOURCE, AssessmentStatus, AssistanceKind, Channel, DeterminationKind,
                                 FundingSource, InvestigationStatus, Role, SecondTierReview, UnitKind, Violation)

EPOCH = dt.date(1970, 1, 1)
EARLIEST = -1_000_000  # an open start: "since before the sources speak" (before 0001-01-01, day -719162)
LATEST = 3_000_000  # an open end: "still so", or "not yet" (after 9999-12-31, day 2932896)

# every field of every fact type the case gives the rules; the rule compiler checks rule files against it
FACT_FIELDS: dict[str, frozenset] = {
    "context": frozenset({"as_of"}),
    "unit": frozenset({"ref", "kind"}),
    "lineage": frozenset({"unit", "ancestor"}),
    "unknown_parent": frozenset({"unit"}),  # a unit whose parent in some chain is unknown on the as-of date
    "person": frozenset({"ref"}),
    "unposted": frozenset({"person"}),  # a person the case places in no unit on the as-of date
    # `unknown_end: true`: the posting was last seen on `to` and may still go on on the as-of date (`last_seen`,
    # and no later posting of the person begun by then says where he went)
    "posting": frozenset({"person", "unit", "role", "from", "to", "unknown_end"}),
    "incident": frozenset({"ref", "start", "end", "identified", "force"}),
    "information": frozenset({"ref", "incident", "received", "received_by", "status", "assessed", "review",
                              "held_by"}),
    "violation": frozenset({"information", "kind"}),
    "alleged_unit": frozenset({"information", "unit"}),
    "alleged_person": frozenset({"information", "person"}),
    "investigation": frozenset({"ref", "incident", "status", "on"}),  # `on`: the day it reached its status
    # `reported`/`consulted`: the day (LATEST: not reported) and true/false, with `*_known: false` when the case
    # says `unknown`; `revoked`, `review`: days, LATEST when none
    "determination": frozenset({"ref", "kind", "unit", "proposal", "made", "reported", "reported_known",
                                "consulted", "consulted_known", "revoked", "review", "applied"}),
    "addresses": frozenset({"determination", "incident"}),
    # one `proposal` fact per law whose funds pay for it (`law: none` when neither law's do); `fy` is the fiscal
    # year of the funds, 9999 when the case does not say (read as new funds: the cautious reading)
    # `list_given`, `agreement`: days the barred-unit list was given and the written agreement concluded (LATEST: not)
    "proposal": frozenset({"ref", "law", "kind", "identified", "fy", "list_given", "agreement"}),
    "funding": frozenset({"proposal", "source", "channel"}),
    "recipient_unit": frozenset({"proposal", "unit"}),
    "recipient_person": frozenset({"proposal", "person"}),
}


def _values(vocabulary) -> frozenset:
    return frozenset(member.value for member in vocabulary)


# the values a field of a case fact can hold, taken from the case format: the rule compiler refuses a literal
# outside them (`status: credibel` would match nothing and silently narrow the law); fields not listed hold ids
FACT_VALUES: dict[tuple, frozenset] = {
    ("unit", "kind"): _values(UnitKind),
    ("posting", "role"): _values(Role),
    ("posting", "unknown_end"): frozenset({True, False}),
    ("incident", "identified"): frozenset({True, False}),
    ("information", "status"): _values(AssessmentStatus),
    ("information", "review"): _values(SecondTierReview) | {"none"},
    ("information", "held_by"): frozenset({"state", "dod", "both"}),
    ("violation", "kind"): _values(Violation),
    ("investigation", "status"): _values(InvestigationStatus),
    ("determination", "kind"): _values(DeterminationKind),
    ("determination", "consulted"): frozenset({True, False}),
    ("determination", "reported_known"): frozenset({True, False}),
    ("determination", "consulted_known"): frozenset({True, False}),
    ("proposal", "law"): frozenset(law or "none" for law in LAW_OF_SOURCE.values()),
    ("funding", "source"): _values(FundingSource),
    ("funding", "channel"): _values(Channel) | {""},
    ("proposal", "kind"): _values(AssistanceKind),
    ("proposal", "identified"): frozenset({True, False}),
}
# fields holding a date (a whole day): a rule compares them with dates, `as_of` or other dates, never a number
DATE_FIELDS = frozenset({("context", "as_of"), ("posting", "from"), ("posting", "to"), ("incident", "start"),
                         ("incident", "end"), ("information", "received"), ("information", "received_by"),
                         ("information", "assessed"), ("investigation", "on"), ("determination", "made"),
                         ("determination", "reported"), ("determination", "revoked"), ("determination", "review"),
                         ("determination", "applied"), ("proposal", "list_given"), ("proposal", "agreement")})


def day(value: dt.date | None, default: int) -> int:
    return default if value is None else (value - EPOCH).days


def date_of(days: int) -> dt.date:
    return EPOCH + dt.timedelta(days=days)


def ancestors_on(units: dict, on: dt.date) -> dict[str, list[str]]:
    """Each unit's ancestors (nearest first) through every parent link in force on `on`."""
    parents = {uid: [link.unit for link in u.parents if link.known and link.covers(on)] for uid, u in units.items()}
    result: dict[str, list[str]] = {}
    for uid in units:
        seen, order, stack = set(), [], list(parents[uid])
        while stack:  # the checks guarantee no cycle on any date; `seen` also stops shared ancestors repeating
            parent = stack.pop(0)
            if parent not in seen:
                seen.add(parent)
                order.append(parent)
                stack.extend(parents[parent])
        result[uid] = order
    return result


def parent_on(unit, on: dt.date) -> str | None:
    """The unit's command parent on `on` (or its first parent in force, whatever the chain)."""
    active = [link for link in unit.parents if link.known and link.covers(on)]
    command = [link for link in active if link.chain == "command"]
    chosen = command or active
    return chosen[0].unit if chosen else None


def parent_unknown_on(unit, on: dt.date) -> bool:
    """Whether the case says the unit had a parent on `on` in some chain without saying which: a link
    `unit: unknown` in force, or, in a chain with no known link in force, a link last seen before `on` (and no
    later link of that chain begun by `on`)."""
    for chain in {link.chain for link in unit.parents}:
        links = [link for link in unit.parents if link.chain == chain]
        if any(link.known and link.covers(on) for link in links):
            continue
        if any(not link.known and link.covers(on) for link in links):
            return True
        if any(not link.end_known and link.to < on and not _followed(link, links, on) for link in links):
            return True
    return False


def _followed(seen, others, on: dt.date) -> bool:
    """Whether one of `others` began after `seen` was last seen, and by `on`: it says where things went."""
    return any(other.from_ and seen.to < other.from_ <= on for other in others)


def may_go_on(person, posting, on: dt.date) -> bool:
    """Whether a posting last seen before `on` (`last_seen`) may still go on on `on`: no later posting of the person
    begun after it was last seen, and by `on`, says where he went."""
    if posting.end_known or posting.to >= on:
        return False
    return not _followed(posting, person.postings, on)


def build(case, as_of: dt.date) -> list[dict]:
    facts: list[dict] = [{"t": "context", "as_of": day(as_of, 0)}]
    add = facts.append
    for uid, unit in case.units.items():
        add({"t": "unit", "ref": uid, "kind": unit.kind})
        if parent_unknown_on(unit, as_of):
            add({"t": "unknown_parent", "unit": uid})
    for uid, ancestors in ancestors_on(case.units, as_of).items():
        for ancestor in ancestors:
            add({"t": "lineage", "unit": uid, "ancestor": ancestor})
    for pid, person in case.people.items():
        add({"t": "person", "ref": pid})
        if not any(posting.covers(as_of) for posting in person.postings):
            add({"t": "unposted", "person": pid})
        for posting in person.postings:
            add({"t": "posting", "person": pid, "unit": posting.unit, "role": posting.role,
                 "from": day(posting.from_, EARLIEST), "to": day(posting.to, LATEST),
                 "unknown_end": may_go_on(person, posting, as_of)})
    for iid, incident in case.incidents.items():
        perpetrators = incident.perpetrators
        add({"t": "incident", "ref": iid, "start": day(incident.date.from_, 0), "end": day(incident.date.to, 0),
             "identified": perpetrators.unit_identified, "force": perpetrators.force or ""})
    for item in case.information.values():
        incident = case.incidents.get(item.incident)  # None: information without an incident
        assessment = item.assessment
        # without an incident the item is its own key (ids are unique across the case): no incident, perpetrator
        # posting or investigation matches it, and only a determination naming the item covers it
        add({"t": "information", "ref": item.id, "incident": item.key,
             "received": day(item.received.from_, 0), "received_by": day(item.received.to, 0),
             "status": assessment.status,
             "assessed": day(assessment.on, LATEST), "review": assessment.second_tier or "none",
             "held_by": item.held_by})
        for violation in item.violations or incident.violations:
            add({"t": "violation", "information": item.id, "kind": violation})
        alleged = item.alleges or incident.perpetrators
        for unit in alleged.units:
            add({"t": "alleged_unit", "information": item.id, "unit": unit})
        for person in alleged.people:
            add({"t": "alleged_person", "information": item.id, "person": person})
    for inv in case.investigations.values():
        add({"t": "investigation", "ref": inv.id, "incident": inv.incident or "", "status": inv.status,
             "on": day(inv.status_on, LATEST)})
    for det in case.determinations.values():
        add({"t": "determination", "ref": det.id, "kind": det.kind, "unit": det.unit, "proposal": det.proposal or "",
             "made": day(det.made, 0), "reported": day(det.reported_on, LATEST),
             "reported_known": det.reported != "unknown", "consulted": det.consulted_state is True,
             "consulted_known": det.consulted_state != "unknown",
             "revoked": day(det.revoked, LATEST), "review": day(det.review, LATEST),
             "applied": day(det.applied or det.made, 0)})  # `applied` defaults to the day it was made
        for incident in [*det.incidents, *det.information]:
            add({"t": "addresses", "determination": det.id, "incident": incident})
    for prop in case.proposals.values():
        for law in prop.laws or ("none",):
            add({"t": "proposal", "ref": prop.id, "law": law, "kind": prop.kind,
                 "identified": prop.recipients.identified, "fy": prop.funding.fiscal_year or 9999,
                 "list_given": day(prop.recipients.barred_list_given, LATEST),
                 "agreement": day(prop.recipients.written_agreement, LATEST)})
        for source in dict.fromkeys(prop.funding.sources):
            add({"t": "funding", "proposal": prop.id, "source": source, "channel": prop.funding.channel or ""})
        for unit in prop.recipients.units:
            add({"t": "recipient_unit", "proposal": prop.id, "unit": unit})
        for person in prop.recipients.people:
            add({"t": "recipient_person", "proposal": prop.id, "person": person})
    return facts
