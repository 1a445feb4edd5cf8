"""A reference decision in plain Python, written from docs/decisions.md alone.

`reference_decide(case, as_of, laws)` re-implements the specification with loops over the case models: no rule
engine, nothing imported from `vetting.decide`, `vetting.facts` or `vetting.law.ruleset`. It exists so that
property-based tests (tests/test_reference.py) can require the engine to agree with it exactly; it is used only
by tests and benchmarks. Comments quote the sentences of docs/decisions.md that the code implements.

Vocabulary used below:

- an *item* is an information item; its grounds are `bar` and/or `suspend` (section "Grounds");
- a *ground* is a pair (implicated subject, item id): `("unit", unit_id, item_id)` when a unit is implicated,
  `("person", person_id, item_id)` for a person's own implication;
- a *finding* is (effect, ground), effect `bar` or `suspend`; a ground is lifted under one law or not;
- a *hold* is a proposal whose recipients (or a recipient's unit) are not identified: a gap in the data, not a
  finding about anyone, never lifted, outcome `held` unless a bar or suspension is stricter.

Readings chosen where docs/decisions.md leaves room (the engine agrees with each):

- "received" is the first day of the received range for counting by D, and its last day for a determination's
  cover (docs/decisions.md, time axis 3: an exception never covers what may have arrived after it).
- An item whose `violations` is empty has its incident's violations (as when it is absent); an item without
  `alleges` alleges its incident's perpetrators (an empty `alleges` is refused by the loader).
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
- A unit whose parent is unknown on D is held ('suspend') on every ground carried directly by any unit of the
  case (its own and those of units under it too: the rules have no negation), and so is every unit under it;
  a person last seen in a unit before D, with no later posting begun by D, is held on that unit's grounds.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

CORE = frozenset({"torture", "extrajudicial-killing", "enforced-disappearance", "rape-under-color-of-law"})
SECOND_TIER = frozenset({"cruel-inhuman-degrading-treatment", "prolonged-detention-without-charge",
                         "other-flagrant-denial"})
DOD_FULL_COVERAGE = dt.date(2014, 1, 17)  # "before 2014-01-17, training only"

STRICTNESS = {"eligible": 0, "remediated": 1, "suspended": 2, "ineligible": 3}
OUTCOME_STRICTNESS = {"approved": 0, "approved-by-exception": 1, "held": 2, "suspended": 3, "rejected": 4}


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
    violations = set(item.violations or incident.violations)  # without an incident, its own (required)
    core = bool(violations & CORE)
    second = bool(violations & SECOND_TIER)
    unknown = "unknown" in violations  # "held as one awaiting classification, never read as not gross"
    assessment = item.assessment
    assessed = assessment.on is not None and assessment.on <= as_of
    credible = assessment.status == "credible" and assessed
    # "still pending on D (not assessed, or `status: pending`, or assessed after D)"
    pending = assessment.status == "pending" or not assessed
    grounds = set()
    if credible and (core or (second and assessment.second_tier == "gross")):
        grounds.add("bar")
    if pending and (core or second or unknown):
        grounds.add("suspend")
    if credible and unknown:
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
            if link.unit != "unknown" and _covers(link, as_of):
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


def parent_unknown(unit, as_of: dt.date) -> bool:
    """'a unit had a parent on D in some chain without saying which': a link `unit: unknown` in force on D, or,
    in a chain with no known link in force on D, a link last seen before D with no later link of that chain
    begun by D."""
    for chain in {link.chain for link in unit.parents}:
        links = [link for link in unit.parents if link.chain == chain]
        if any(link.unit != "unknown" and _covers(link, as_of) for link in links):
            continue
        if any(link.unit == "unknown" and _covers(link, as_of) for link in links):
            return True
        for seen in links:
            if seen.last_seen is not None and seen.last_seen < as_of and not any(
                    other.from_ is not None and seen.last_seen < other.from_ <= as_of for other in links):
                return True
    return False


def possibly_serving(person, posting, as_of: dt.date) -> bool:
    """'last seen in the unit before D, with nothing to say he left (no end of the posting, no later posting
    begun by D)'."""
    if posting.last_seen is None or posting.last_seen >= as_of:
        return False
    if posting.from_ is not None and posting.from_ > as_of:
        return False
    return not any(other.from_ is not None and posting.last_seen < other.from_ <= as_of for other in person.postings)


# ---------------------------------------------------------------- exceptions


SETBACKS = frozenset({"dismissed", "suspects-released"})


def _stands(det, as_of: dt.date) -> bool:
    """'counts only if made on or before D' and 'until it is revoked'."""
    return det.made <= as_of and (det.revoked is None or det.revoked > as_of)


def _state_exception_counts(det, as_of: dt.date) -> bool:
    """'made on or before D **and reported** on or before D', not revoked."""
    return (det.kind == "state-effective-steps" and _stands(det, as_of)
            and det.reported_on is not None and det.reported_on <= as_of)


def _report_unknown(det, as_of: dt.date) -> bool:
    """A State determination whose report the case gives as `unknown`, standing on D."""
    return det.kind == "state-effective-steps" and _stands(det, as_of) and det.reported == "unknown"


def _dod_exception_counts(det, as_of: dt.date) -> bool:
    """'made on or before D after consulting State (`consulted_state: true`)', not revoked."""
    return det.kind == "dod-corrective-steps" and _stands(det, as_of) and det.consulted_state is True


def _lapsed(case, det, incident_id: str, as_of: dt.date) -> bool:
    """'when, after the determination, the charges are dropped or the suspects released' (on or before D)."""
    return any(inv.incident == incident_id and inv.status in SETBACKS and det.made < inv.status_on <= as_of
               for inv in case.investigations.values())


def _covering(case, det, ground: tuple) -> bool:
    """The determination is about the implicated unit, names the incident, and was made once the information had
    certainly arrived."""
    _, subject, item_id = ground[:3]
    item = case.information[item_id]
    # without an incident, "only a determination naming the item covers it"
    return det.unit == subject and item.key in (*det.incidents, *det.information) and item.received.to <= det.made


def is_lifted(case, ground: tuple, law: str, as_of: dt.date, direct_bars: set) -> bool:
    """Whether an exception about the implicated unit lifts this ground under this law. `direct_bars`: the grounds
    that are bars carried directly by their unit (a determination whose report is unknown lifts only those)."""
    if ground[0] != "unit":  # a person's own implication: never lifted
        return False
    incident = case.information[ground[2]].key  # an item without an incident: no investigation is of it
    for det in case.determinations.values():
        if not _covering(case, det, ground):
            continue
        if law == "state":
            counts = _state_exception_counts(det, as_of) or (
                _report_unknown(det, as_of) and len(ground) == 3 and ground in direct_bars)
            if counts and not _lapsed(case, det, incident, as_of):
                return True
        if law == "dod" and _dod_exception_counts(det, as_of):
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


STATE_SOURCES = frozenset({"fmf", "imet", "incle", "nadr", "pko", "esf", "faa", "aeca"})
DOD_SOURCES = frozenset({"dod-333", "dod-284", "dod"})
DOD_CODIFIED = dt.date(2014, 12, 19)  # "from 2014-12-19, DoD funds of every fiscal year"
STATE_2011 = dt.date(2011, 12, 23)  # the (d) procedures
STATE_2022 = dt.date(2022, 3, 15)  # the 2022 amendment of (c)
WRITTEN_AGREEMENT = dt.date(2022, 12, 31)


def _by(day, as_of: dt.date) -> bool:
    """A dated act done on or before D."""
    return day is not None and day <= as_of
# "a proposal paid from the funds of both laws goes ahead only as far as each law lets it: the strictest outcome"
COMBINED = ("not-covered", "approved", "approved-by-exception", "waived", "held", "suspended", "rejected")


def proposal_laws(proposal) -> list:
    """'The law follows the source of the money': the laws whose funds pay for it, State first."""
    sources = set(proposal.funding.sources)
    return [law for law, own in (("state", STATE_SOURCES), ("dod", DOD_SOURCES)) if sources & own]


def covered_under(proposal, law: str, as_of: dt.date) -> bool:
    """Whether `law` covers the proposal on D (section 'Proposals, under their law')."""
    if law == "state":
        return True
    if as_of >= DOD_CODIFIED or proposal.kind == "training":
        return True
    # before the codification: equipment and other assistance only from FY2014 funds after the FY2014 act
    fiscal_year = proposal.funding.fiscal_year or 9999  # "a fiscal year the case does not give counts as new funds"
    return as_of >= DOD_FULL_COVERAGE and fiscal_year >= 2014


# ---------------------------------------------------------------- the decision


def is_held(item, as_of: dt.date) -> bool:
    """Received by D and either credible (assessed by D) or still pending on D (section 'Grounds')."""
    if _received(item) > as_of:
        return False
    assessed = item.assessment.on is not None and item.assessment.on <= as_of
    return (item.assessment.status == "credible" and assessed) or item.assessment.status == "pending" or not assessed


def available_to(item, law: str, as_of: dt.date) -> bool:
    """'Who holds the information': State's counts under both laws (the DoD law fully considers it, and before
    FY2014 acted only on information received from State); DoD's alone counts under the DoD law from
    2014-01-17, never under the State law."""
    if item.held_by in ("state", "both"):
        return True
    return law == "dod" and as_of >= DOD_FULL_COVERAGE


def reference_decide(case, as_of: dt.date, laws=("state", "dod")) -> dict:
    """Each law decides on the information available to it; a proposal under both laws takes the strictest
    outcome."""
    laws = tuple(dict.fromkeys(laws))
    parts = {}
    for law in laws:
        information = {iid: item for iid, item in case.information.items() if available_to(item, law, as_of)}
        parts[law] = _decide(dataclasses.replace(case, information=information), as_of, (law,))
    tasks = set().union(*(part["tasks"] for part in parts.values()))
    for law in laws:  # "information held about a violation of unknown kind opens a task to classify it"
        for item in case.information.values():
            violations = set(item.violations or case.incidents[item.incident].violations)  # own, without one
            if "unknown" in violations and available_to(item, law, as_of) and is_held(item, as_of):
                tasks.add(("classify-violation", law, item.id, None))
    if "dod" in laws:  # "information held by DoD alone opens a task to share it"
        for item in case.information.values():
            violations = set(item.violations or case.incidents[item.incident].violations)  # own, without one
            if item.held_by == "dod" and _received(item) <= as_of and violations & (CORE | SECOND_TIER | {"unknown"}):
                tasks.add(("share-information-with-state", "dod", item.id, None))
    proposals: dict = {}
    for part in parts.values():
        for pid, outcome in part["proposals"].items():
            proposals[pid] = max(proposals.get(pid, outcome), outcome, key=COMBINED.index)
    return {"units": {uid: {law: parts[law]["units"][uid][law] for law in laws} for uid in case.units},
            "people": {pid: {law: parts[law]["people"][pid][law] for law in laws} for pid in case.people},
            "proposals": proposals, "tasks": tasks}


def _decide(case, as_of: dt.date, laws: tuple) -> dict:
    under = units_under(case, as_of)

    # ---- attribution: (effect, ground) findings carried directly by units and people
    unit_direct: dict = {uid: set() for uid in case.units}  # implicated unit -> findings
    person_own: dict = {pid: set() for pid in case.people}
    incidents_with_grounds = set()
    for item in case.information.values():
        incident = case.incidents.get(item.incident)  # None: information without an incident
        grounds = item_grounds(item, incident, as_of)
        if not grounds:
            continue
        if incident is not None:
            incidents_with_grounds.add(incident.id)
        if item.alleges is not None:
            alleged_units, alleged_people = item.alleges.units, item.alleges.people
        else:
            alleged_units, alleged_people = incident.perpetrators.units, incident.perpetrators.people
        for effect in grounds:
            for uid in alleged_units:
                unit_direct[uid].add((effect, ("unit", uid, item.id)))
            for pid in alleged_people:
                person = case.people[pid]
                # "no member or commander derivation without an incident": its people are implicated personally
                for posting in person.postings if incident is not None else ():
                    if _overlaps(posting, incident.date.from_, incident.date.to):  # any role, any posting then
                        unit_direct[posting.unit].add((effect, ("unit", posting.unit, item.id)))
                person_own[pid].add((effect, ("person", pid, item.id)))
        if incident is not None and not incident.perpetrators.unit_identified and incident.perpetrators.force:
            # "that force is *suspended* (never barred) until the unit is identified"
            force = incident.perpetrators.force
            unit_direct[force].add(("suspend", ("unit", force, item.id)))

    # ---- State only: a bar whose exception rests on a determination of unknown report becomes a hold, with a
    # ground of its own (implicated unit, item, determination)
    state_direct: dict = {uid: set() for uid in case.units}
    direct_bars = {g for fs in unit_direct.values() for effect, g in fs if effect == "bar"}
    for ground in direct_bars:
        for det in case.determinations.values():
            if _report_unknown(det, as_of) and _covering(case, det, ground):
                state_direct[ground[1]].add(("suspend", ground + (det.id,)))

    # ---- spread down the hierarchy on D
    unit_findings: dict = {uid: set() for uid in case.units}
    state_findings: dict = {uid: set() for uid in case.units}
    for implicated, findings in unit_direct.items():
        for below in under[implicated]:
            unit_findings[below] |= findings
            state_findings[below] |= state_direct[implicated]

    # ---- a unit whose parent is unknown: held on every direct ground of the case, with the units under it
    every_direct = {("suspend", g) for fs in unit_direct.values() for _, g in fs}
    every_state_direct = {("suspend", g) for fs in state_direct.values() for _, g in fs}
    unplaced = [uid for uid, unit in case.units.items() if parent_unknown(unit, as_of)]
    for uid in unplaced:
        for below in under[uid]:
            unit_findings[below] |= every_direct
            state_findings[below] |= every_state_direct

    # ---- people: own implication + the grounds of every unit they serve in on D
    person_findings: dict = {}
    person_state: dict = {}  # the State-only holds of the units a person serves in on D
    for pid, person in case.people.items():
        found = set(person_own[pid])
        for posting in person.postings:
            if _covers(posting, as_of):
                found |= unit_findings[posting.unit]
            elif possibly_serving(person, posting, as_of):  # held, never barred, on his last unit's grounds
                found |= {("suspend", g) for _, g in unit_findings[posting.unit]}
        person_findings[pid] = found
        person_state[pid] = set().union(*(state_findings[p.unit] for p in person.postings if _covers(p, as_of)),
                                        *({("suspend", g) for _, g in state_findings[p.unit]}
                                          for p in person.postings if possibly_serving(person, p, as_of)))

    # ---- lifting, per law
    all_grounds = {g for fs in unit_findings.values() for _, g in fs} | {
        g for fs in person_findings.values() for _, g in fs}
    all_grounds |= {g for fs in state_findings.values() for _, g in fs}

    def unit_found(uid, law):
        return unit_findings[uid] | (state_findings[uid] if law == "state" else set())

    def person_found(pid, law):
        return person_findings[pid] | (person_state[pid] if law == "state" else set())

    lifted = {law: {g for g in all_grounds if is_lifted(case, g, law, as_of, direct_bars)} for law in laws}

    units = {uid: {law: status_of(unit_found(uid, law), lifted[law]) for law in laws} for uid in case.units}
    people = {pid: {law: status_of(person_found(pid, law), lifted[law]) for law in laws} for pid in case.people}

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

    def decide_under(pid, proposal, law) -> str:
        """The outcome of one proposal under one law whose funds pay for it."""
        if not covered_under(proposal, law, as_of):
            return "not-covered"
        findings = set()
        held = False  # "recipients not identified ... -> held", below a bar or a suspension
        recipients = proposal.recipients
        if not recipients.identified:
            if law == "dod" or as_of < STATE_2022:
                held = True
                tasks.add(("identify-recipients", law, pid, None))
            else:
                # "(c)(1): until the list of barred units has been given, and from 2022-12-31 the written agreement
                # concluded, the assistance is held"
                if not _by(recipients.barred_list_given, as_of):
                    held = True
                    tasks.add(("give-barred-unit-list", "state", pid, None))
                if as_of >= WRITTEN_AGREEMENT and not _by(recipients.written_agreement, as_of):
                    held = True
                    tasks.add(("obtain-written-agreement", "state", pid, None))
        for uid in recipients.units:
            findings |= unit_found(uid, law)
            for person_id in commanders.get(uid, ()):  # the commander on D, if personally implicated
                findings |= person_own[person_id]
        for person_id in recipients.people:
            findings |= person_found(person_id, law)
            if not any(_covers(p, as_of) for p in case.people[person_id].postings):
                # his unit must be vetted too, and the case places him in none on D: held, never lifted
                held = True
                tasks.add(("identify-recipient-unit", law, person_id, None))
        if any(uid in barred_below[law] for uid in recipients.units):
            # a unit barred in its own right below a recipient formation: keep the assistance from it
            tasks.add(("keep-assistance-from-barred-units", law, pid, None))
        if law == "state" and as_of < STATE_2022:
            # "each unit from which a State proposal is withheld by an unlifted bar" (until the 2022 amendment)
            for uid in recipients.units:
                if any(effect == "bar" and g not in lifted["state"] for effect, g in unit_findings[uid]):
                    tasks.add(("inform-foreign-government", "state", uid, None))
        waiver = emergency = False
        for det in determinations_for.get(pid, ()):
            if not _stands(det, as_of):
                continue
            if det.kind == "dod-waiver" and det.consulted_state is True:
                waiver = True
            if det.kind == "dod-emergency" and proposal.kind != "training":
                emergency = True
        if law == "dod" and waiver:
            return "waived"
        if law == "dod" and emergency:
            return "approved-by-exception"
        status = status_of(findings, lifted[law])
        if held and status in ("eligible", "remediated"):
            return "held"
        return {"eligible": "approved", "remediated": "approved-by-exception", "suspended": "suspended",
                "ineligible": "rejected"}[status]

    proposals = {}
    for pid, proposal in case.proposals.items():
        funded_by = proposal_laws(proposal)
        under_laws = [law for law in funded_by if law in laws]  # decided only under the laws evaluated
        if funded_by and not under_laws:
            continue
        outcomes = [decide_under(pid, proposal, law) for law in under_laws]
        proposals[pid] = max(outcomes, key=COMBINED.index) if outcomes else "not-covered"

    # ---- tasks
    for law in laws:
        unlifted_direct = {g for _, g in every_direct | (every_state_direct if law == "state" else set())
                           if g not in lifted[law]}
        if unlifted_direct:  # "a task to find out which unit it was under", dropped once its grounds are lifted
            tasks.update(("identify-parent-unit", law, uid, None) for uid in unplaced)
        for pid, person in case.people.items():
            for posting in person.postings:
                if possibly_serving(person, posting, as_of) and any(
                        g not in lifted[law] for _, g in unit_found(posting.unit, law)):
                    tasks.add(("confirm-posting", law, pid, None))
    if "state" in laws and as_of >= STATE_2011:  # "(d)(6), since the (d) procedures of December 2011"
        for incident_id in incidents_with_grounds:
            if not case.incidents[incident_id].perpetrators.unit_identified:
                tasks.add(("identify-unit", "state", incident_id, None))
    for det in case.determinations.values():
        if det.made > as_of:
            continue
        law = "state" if det.kind == "state-effective-steps" else "dod"
        if law not in laws:
            continue
        if law == "state" and det.review is not None and _stands(det, as_of):
            tasks.add(("review-effective-steps", "state", det.id, det.review))
        if law == "dod" and det.kind != "dod-emergency" and det.consulted_state == "unknown":
            tasks.add(("confirm-consultation-with-state", "dod", det.id, None))
        if det.reported == "unknown":
            tasks.add(("confirm-report-to-congress", law, det.id, None))
        elif det.reported is None or det.reported > as_of:
            if law == "state":
                tasks.add(("report-determination-to-congress", "state", det.id, None))
            else:
                # "15 days counted from its first application (`applied`), or from `made`"
                tasks.add(("report-to-congress-15-days", "dod", det.id,
                           (det.applied or det.made) + dt.timedelta(days=15)))

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
