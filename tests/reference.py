"""A reference decision in plain Python, written from docs/decisions.md alone.

`reference_decide(case, as_of, laws)` re-implements the specification with loops over the case models: no rule
engine, nothing imported from `vetting.decide`, `vetting.facts` or `vetting.ruleset`. It exists so that
property-based tests (tests/test_reference.py) can require the engine to agree with it exactly; it is used only
by tests and benchmarks. Comments quote the sentences of docs/decisions.md that the code implements.

Vocabulary used below:

- an *item* is an information item; its grounds are `bar` and/or `suspend` (section "Grounds");
- a *ground* is a pair (implicated subject, item id): `("unit", unit_id, item_id)` when a unit is implicated,
  `("person", person_id, item_id)` for a person's own implication, and `("proposal", proposal_id, None)` for
  the suspension of a proposal whose recipients are not identified (nothing can lift that one);
- a *finding* is (effect, ground), effect `bar` or `suspend`; a ground is lifted under one law or not.

Readings chosen where docs/decisions.md leaves room (the engine agrees with each):

- "received" is the first day of the received range for counting by D, and its last day for a determination's
  cover (docs/decisions.md, time axis 3: an exception never covers what may have arrived after it).
- An item whose `violations` is empty has its incident's violations (as when it is absent); an item whose
  `alleges` is present but empty alleges nobody (it still has grounds, so an unidentified incident still opens
  its task).
- The DoD cut-off (before 2014-01-17, training only) is read against the as-of date D; a proposal is judged as
  of D whatever its own `from`/`to`.
- A DoD emergency determination needs no consultation of State (the text asks it of corrective steps and
  waivers only); every exception counts only if made on or before D; a waiver or emergency ignores its `unit`.
- A member of a unit shares all of the unit's grounds, lifted or not: a member of a remediated unit is
  remediated. Every role (commander, deputy, member, other) counts for membership and for attribution; only
  `commander` counts for "the commander of every recipient unit".
- A force suspended for an unidentified perpetrator is a ground like any other: it covers the units under the
  force and an exception about the force lifts it; `alleges` naming units does not "identify the unit".
- `inform-foreign-government` is opened for each recipient unit of a covered State proposal that carries an
  unlifted State bar (not for a bar that reaches the proposal only through a person).
"""
from __future__ import annotations

import datetime as dt

CORE = frozenset({"torture", "extrajudicial-killing", "enforced-disappearance", "rape-under-color-of-law"})
SECOND_TIER = frozenset({"cruel-inhuman-degrading-treatment", "prolonged-detention-without-charge",
                         "other-flagrant-denial"})
DOD_FULL_COVERAGE = dt.date(2014, 1, 17)  # "before 2014-01-17, training only"

STRICTNESS = {"eligible": 0, "remediated": 1, "suspended": 2, "ineligible": 3}
OUTCOME_STRICTNESS = {"approved": 0, "approved-by-exception": 1, "suspended": 2, "rejected": 3}


def _covers(period, day: dt.date) -> bool:
    """A Period (open ends allowed) holds on `day`."""
    return (period.from_ is None or period.from_ <= day) and (period.to is None or day <= period.to)


def _overlaps(period, first: dt.date, last: dt.date) -> bool:
    """A Period (open ends allowed) holds on some day of [first, last]."""
    return (period.from_ is None or period.from_ <= last) and (period.to is None or first <= period.to)


def _received(item) -> dt.date:
    """'counted from its *first* day'."""
    return item.received.from_


# ---------------------------------------------------------------- grounds of an information item


def item_grounds(item, incident, as_of: dt.date) -> set:
    """The grounds ({'bar', 'suspend'}) of one information item on D (section 'Grounds')."""
    if _received(item) > as_of:  # "information counts only if received on or before D"
        return set()
    # "An information item's violations default to its incident's": when it lists none (null or []).
    violations = set(item.violations or incident.violations)
    core = bool(violations & CORE)
    second = bool(violations & SECOND_TIER)
    assessment = item.assessment
    assessed = assessment.on is not None and assessment.on <= as_of
    credible = assessment.status == "credible" and assessed
    # "still pending on D (not assessed, or `status: pending`, or assessed after D)"
    pending = assessment.status == "pending" or not assessed
    grounds = set()
    if credible and (core or (second and assessment.second_tier == "gross")):
        grounds.add("bar")
    if pending and (core or second):
        grounds.add("suspend")
    if credible and second and assessment.second_tier is None:
        grounds.add("suspend")
    return grounds


# ---------------------------------------------------------------- the hierarchy on D


def units_under(case, as_of: dt.date) -> dict:
    """unit id -> the set of units under it on D, itself included (links of every chain in force on D)."""
    children: dict = {uid: set() for uid in case.units}
    for unit in case.units.values():
        for link in unit.parents:
            if _covers(link, as_of):
                children.setdefault(link.unit, set()).add(unit.id)
    under = {}
    for uid in case.units:
        seen = {uid}
        todo = [uid]
        while todo:
            current = todo.pop()
            for child in children.get(current, ()):
                if child not in seen:
                    seen.add(child)
                    todo.append(child)
        under[uid] = seen
    return under


# ---------------------------------------------------------------- exceptions


def _state_exception_counts(det, as_of: dt.date) -> bool:
    """'made on or before D **and reported** on or before D'."""
    return (det.kind == "state-effective-steps" and det.made <= as_of
            and det.reported is not None and det.reported <= as_of)


def _dod_exception_counts(det, as_of: dt.date) -> bool:
    """'made on or before D after consulting State (`consulted_state: true`)'."""
    return det.kind == "dod-corrective-steps" and det.made <= as_of and det.consulted_state is True


def is_lifted(case, ground: tuple, law: str, as_of: dt.date) -> bool:
    """Whether an exception about the implicated unit lifts this ground under this law."""
    about, subject, item_id = ground
    if about != "unit":  # a person's own implication, or unidentified recipients: never lifted
        return False
    received = case.information[item_id].received.to  # the last day it may have arrived
    for det in case.determinations.values():
        if det.unit != subject or case.information[item_id].incident not in det.incidents:
            continue
        if law == "state" and _state_exception_counts(det, as_of) and received <= det.made:
            return True
        if law == "dod" and _dod_exception_counts(det, as_of) and received <= det.made:
            return True
    return False


def status_of(findings, lifted) -> str:
    """'any unlifted bar -> ineligible; else any unlifted suspension -> suspended; else any lifted ground ->
    remediated; else eligible'. `findings` is a set of (effect, ground); `lifted` the set of lifted grounds."""
    if any(effect == "bar" and ground not in lifted for effect, ground in findings):
        return "ineligible"
    if any(effect == "suspend" and ground not in lifted for effect, ground in findings):
        return "suspended"
    if findings:
        return "remediated"
    return "eligible"


# ---------------------------------------------------------------- proposals


def proposal_coverage(proposal, as_of: dt.date):
    """(law, covered) of a proposal: 'The law follows the funding authority'."""
    authority = proposal.funding.authority
    if authority in ("faa", "aeca"):
        return "state", True
    if authority in ("fms", "dcs"):
        return "state", False
    if authority == "dod":
        if as_of < DOD_FULL_COVERAGE and proposal.kind != "training":
            return "dod", False
        return "dod", True
    return None, False


# ---------------------------------------------------------------- the decision


def reference_decide(case, as_of: dt.date, laws=("state", "dod")) -> dict:
    laws = tuple(dict.fromkeys(laws))
    under = units_under(case, as_of)

    # ---- attribution: (effect, ground) findings carried directly by units and people
    unit_direct: dict = {uid: set() for uid in case.units}  # implicated unit -> findings
    person_own: dict = {pid: set() for pid in case.people}
    incidents_with_grounds = set()
    for item in case.information.values():
        incident = case.incidents[item.incident]
        grounds = item_grounds(item, incident, as_of)
        if not grounds:
            continue
        incidents_with_grounds.add(incident.id)
        if item.alleges is not None:
            alleged_units, alleged_people = item.alleges.units, item.alleges.people
        else:
            alleged_units, alleged_people = incident.perpetrators.units, incident.perpetrators.people
        first, last = incident.date.from_, incident.date.to
        for effect in grounds:
            for uid in alleged_units:
                unit_direct[uid].add((effect, ("unit", uid, item.id)))
            for pid in alleged_people:
                person = case.people[pid]
                for posting in person.postings:
                    if _overlaps(posting, first, last):  # any role, any posting in force on a day of it
                        unit_direct[posting.unit].add((effect, ("unit", posting.unit, item.id)))
                person_own[pid].add((effect, ("person", pid, item.id)))
        if not incident.perpetrators.unit_identified and incident.perpetrators.force:
            # "that force is *suspended* (never barred) until the unit is identified"
            force = incident.perpetrators.force
            unit_direct[force].add(("suspend", ("unit", force, item.id)))

    # ---- spread down the hierarchy on D
    unit_findings: dict = {uid: set() for uid in case.units}
    for implicated, findings in unit_direct.items():
        for below in under[implicated]:
            unit_findings[below] |= findings

    # ---- people: own implication + the grounds of every unit they serve in on D
    person_findings: dict = {}
    for pid, person in case.people.items():
        found = set(person_own[pid])
        for posting in person.postings:
            if _covers(posting, as_of):
                found |= unit_findings[posting.unit]
        person_findings[pid] = found

    # ---- lifting, per law
    all_grounds = {g for fs in unit_findings.values() for _, g in fs} | {
        g for fs in person_findings.values() for _, g in fs}
    lifted = {law: {g for g in all_grounds if is_lifted(case, g, law, as_of)} for law in laws}

    units = {uid: {law: status_of(unit_findings[uid], lifted[law]) for law in laws} for uid in case.units}
    people = {pid: {law: status_of(person_findings[pid], lifted[law]) for law in laws} for pid in case.people}

    # ---- proposals (indexes first: a national roster has 50,000 units and 230,000 proposals)
    commanders: dict = {}  # unit -> the people commanding it on D
    for person in case.people.values():
        for posting in person.postings:
            if posting.role == "commander" and _covers(posting, as_of):
                commanders.setdefault(posting.unit, set()).add(person.id)
    above: dict = {}  # unit -> the units it is strictly under on D
    for uid, below_it in under.items():
        for below in below_it - {uid}:
            above.setdefault(below, set()).add(uid)
    barred_below = {law: set() for law in laws}  # units with a unit barred in its own right (unlifted) below them
    for below, findings in unit_direct.items():
        for law in laws:
            if any(effect == "bar" and g not in lifted[law] for effect, g in findings):
                barred_below[law] |= above.get(below, set())
    determinations_for: dict = {}
    for det in case.determinations.values():
        if det.proposal is not None:
            determinations_for.setdefault(det.proposal, []).append(det)
    tasks = set()
    proposals = {}
    for pid, proposal in case.proposals.items():
        law, covered = proposal_coverage(proposal, as_of)
        if law is not None and law not in laws:
            continue  # decided only under the laws evaluated
        if not covered:
            proposals[pid] = "not-covered"
            continue
        findings = set()
        recipients = proposal.recipients
        if not recipients.identified:
            findings.add(("suspend", ("proposal", pid, None)))
            tasks.add(("identify-recipients", law, pid, None))
        for uid in recipients.units:
            findings |= unit_findings[uid]
            for person_id in commanders.get(uid, ()):  # the commander on D, if personally implicated
                findings |= person_own[person_id]
        for person_id in recipients.people:
            findings |= person_findings[person_id]
            if not any(_covers(p, as_of) for p in case.people[person_id].postings):
                # his unit must be vetted too, and the case places him in none on D: held, never lifted
                findings.add(("suspend", ("proposal", pid, person_id)))
                tasks.add(("identify-recipient-unit", law, person_id, None))
        if any(uid in barred_below[law] for uid in recipients.units):
            # a unit barred in its own right below a recipient formation: keep the assistance from it
            tasks.add(("keep-assistance-from-barred-units", law, pid, None))
        waiver = emergency = False
        for det in determinations_for.get(pid, ()):
            if det.made > as_of:
                continue
            if det.kind == "dod-waiver" and det.consulted_state is True:
                waiver = True
            if det.kind == "dod-emergency" and proposal.kind != "training":
                emergency = True
        if law == "dod" and waiver:
            outcome = "waived"
        elif law == "dod" and emergency:
            outcome = "approved-by-exception"
        else:
            outcome = {"eligible": "approved", "remediated": "approved-by-exception", "suspended": "suspended",
                       "ineligible": "rejected"}[status_of(findings, lifted[law])]
        proposals[pid] = outcome
        if law == "state":
            # "each unit from which a State proposal is withheld by an unlifted bar"
            for uid in recipients.units:
                if any(effect == "bar" and g not in lifted["state"] for effect, g in unit_findings[uid]):
                    tasks.add(("inform-foreign-government", "state", uid, None))

    # ---- tasks
    if "state" in laws:
        for incident_id in incidents_with_grounds:
            if not case.incidents[incident_id].perpetrators.unit_identified:
                tasks.add(("identify-unit", "state", incident_id, None))
    for det in case.determinations.values():
        if det.made > as_of or (det.reported is not None and det.reported <= as_of):
            continue
        if det.kind == "state-effective-steps" and "state" in laws:
            tasks.add(("report-determination-to-congress", "state", det.id, None))
        if det.kind in ("dod-corrective-steps", "dod-emergency", "dod-waiver") and "dod" in laws:
            tasks.add(("report-to-congress-15-days", "dod", det.id, det.made + dt.timedelta(days=15)))

    return {"units": units, "people": people, "proposals": proposals, "tasks": tasks}


def engine_decision(report) -> dict:
    """An engine `Report` in the shape `reference_decide` returns, for comparison."""
    return {
        "units": {uid: dict(s.status) for uid, s in report.units.items()},
        "people": {pid: dict(s.status) for pid, s in report.people.items()},
        "proposals": {pid: d.outcome for pid, d in report.proposals.items()},
        "tasks": {(t.kind, t.law, t.subject, t.due) for t in report.tasks},
    }


def differences(expected: dict, got: dict) -> list[str]:
    """Readable differences between two decisions (the reference's first)."""
    out = []
    for part in ("units", "people", "proposals"):
        for key in sorted(set(expected[part]) | set(got[part])):
            if expected[part].get(key) != got[part].get(key):
                out.append(f"{part} {key}: reference {expected[part].get(key)}, engine {got[part].get(key)}")
    out += [f"task only in the reference: {t}" for t in sorted(expected["tasks"] - got["tasks"], key=str)]
    out += [f"task only in the engine: {t}" for t in sorted(got["tasks"] - expected["tasks"], key=str)]
    return out
