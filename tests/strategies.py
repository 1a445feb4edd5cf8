"""Random but valid cases (`vetting.case.merged.Case`), built directly from the pydantic models.

- `case_and_date(**sizes)`: a hypothesis strategy of (Case, as_of); `cases(**sizes)`: of Case alone.
- `LAWS`: a strategy of the `laws` argument (both, State alone, DoD alone).
- `random_case_and_date(seed, **sizes)`: the same generator driven by `random.Random(seed)`, for cases too big for
  hypothesis (benchmarks/bench_engine.py).

One generator (`build_case`) serves both: it asks a `Source` of choices (hypothesis' `draw`, or a seeded
`random.Random`) for small integers only, which keeps hypothesis fast and its shrinking meaningful (every choice
shrinks towards the first option, the smaller count, the earlier date).

What the cases cover:
- dates: every date of a case, and its as-of date, is a day of a small per-case pool of "pivot" days in
  2010-2020 (sometimes 2014-01-16/17, the DoD cut-off, 2014-12-18/19, its codification, the State amendments
  of 2011-12-23 and 2022-03-15, and 2022-12-31, the written agreement), or a day either side of one, so that
  the comparisons the specification turns on (received vs made, assessed vs D, posting end vs incident start)
  are often equal or adjacent; periods and day ranges are sometimes written at month or year precision
  (`2014-06`, `2014`), read as their first or last day as docs/decisions.md says;
- hierarchy: several levels, three chains, parent links bounded in time and changing over time (successive links
  of one chain never overlap); links point to an earlier unit, except a few to a later one, all dropped again if
  they close a cycle on some date (so `vetting.case.checks.check_case` accepts every case); some parents `unknown`,
  some links only `last_seen` (their end unknown);
- people with postings (every role, open or bounded, some only `last_seen`); incidents on one day or a range, perpetrators named by unit
  and/or person, or `unit_identified: false` with or without a `force`;
- information received on a day or a range (never before its incident began), assessed credible / pending /
  not-credible before or after D (pending with or without a date), second-tier review gross / not-gross / none,
  its own violations (or none: the incident's) and its own `alleges` (a subset, possibly empty), held by State,
  DoD or both; some without an incident (its own units or people and violations, with or without a `date`);
- determinations of the four kinds, made and reported before or after D, not reported or `unknown`, consulted
  or not or `unknown`, sometimes revoked or with a review date, often about a unit some incident implicates;
  emergencies and waivers name a DoD proposal;
- proposals of every funding source (sometimes mixed: two or three, under one law, both or neither), channel,
  fiscal year (or none) and kind, recipients units and/or people or `identified: false` (with or without the
  barred-unit list and the written agreement); investigations, some
  dismissed or with suspects released on a day (which can end a State exception).
Every entity states an `assumption` instead of citing sources, so the case needs no sources.
"""
from __future__ import annotations

import datetime as dt
import random

from hypothesis import strategies as st

from vetting.case.schema import (Assessment, CaseInfo, DayRange, Determination, Funding, Incident, Information,
                                 Investigation, ParentLink, Person, Perpetrators, Place, Posting, Proposal, Recipients,
                                 Refs, Unit)
from vetting.case.checks import find_cycle
from vetting.case.merged import Case

START, END = dt.date(2010, 1, 1), dt.date(2020, 12, 31)
DOD_CUTOFF = dt.date(2014, 1, 17)
DOD_CODIFIED = dt.date(2014, 12, 19)
LAW_CHANGES = [dt.date(2011, 12, 22), dt.date(2011, 12, 23), dt.date(2022, 3, 14), dt.date(2022, 12, 30)]
WHY = "generated for a property-based test"

CORE = ["torture", "extrajudicial-killing", "enforced-disappearance", "rape-under-color-of-law"]
SECOND = ["cruel-inhuman-degrading-treatment", "prolonged-detention-without-charge", "other-flagrant-denial"]
VIOLATIONS = CORE + SECOND + ["other", "unknown"]
CHAINS = ["command", "administrative", "operational"]
ROLES = ["commander", "member", "deputy-commander", "other"]
# weighted: the sources of covered funds come up more often than the uncovered ones
SOURCES = ["faa", "dod", "fmf", "dod-333", "imet", "purchaser", "incle", "dod-284", "other", "aeca", "esf",
           "nadr", "pko"]
CHANNELS = [None, "grant", "fms", "dcs", "eda", "dod-delivered"]
FISCAL_YEARS = [None, None, 2012, 2013, 2014, 2015]
KINDS = ["training", "equipment", "other"]
STATUSES = ["credible", "credible", "pending", "not-credible"]
REVIEWS = [None, "gross", "not-gross"]
SHIFTS = [0, 0, 0, -1, 1]

LAWS = st.sampled_from([("state", "dod"), ("state",), ("dod",)])

SIZES = {"units": 8, "people": 5, "incidents": 4, "items": 8, "determinations": 5, "proposals": 4,
         "investigations": 2}


# ---------------------------------------------------------------- sources of choices


_INTEGERS: dict = {}


class Source:
    """Small integer choices from hypothesis (`draw`) or from a seeded `random.Random`."""

    def __init__(self, draw=None, rng: random.Random | None = None):
        self._draw, self._rng = draw, rng

    def int(self, lo: int, hi: int) -> int:
        if self._rng is not None:
            return self._rng.randint(lo, hi)
        strategy = _INTEGERS.get((lo, hi))
        if strategy is None:  # one strategy per range, built once: building them is what makes hypothesis slow
            strategy = _INTEGERS[lo, hi] = st.integers(lo, hi)
        return self._draw(strategy)

    def pick(self, options):
        return options[self.int(0, len(options) - 1)]

    def one_in(self, n: int) -> bool:
        return self.int(0, n - 1) == 0

    def subset(self, options, lo: int = 0, hi: int | None = None) -> list:
        """Up to `hi` distinct options (at least `lo`), in a drawn order."""
        pool = list(options)
        hi = len(pool) if hi is None else min(hi, len(pool))
        out = []
        for _ in range(self.int(min(lo, hi), hi)):
            out.append(pool.pop(self.int(0, len(pool) - 1)))
        return out


class Dates:
    """Days of a case's pool of pivot days."""

    def __init__(self, src: Source):
        self.src = src
        span = (END - START).days
        pool = {START + dt.timedelta(days=src.int(1, span - 1)) for _ in range(src.int(3, 8))}
        if src.one_in(2):
            pool |= {DOD_CUTOFF, DOD_CUTOFF - dt.timedelta(days=1)}
        if src.one_in(3):
            pool |= {DOD_CODIFIED, DOD_CODIFIED - dt.timedelta(days=1)}
        if src.one_in(4):
            pool |= {src.pick(LAW_CHANGES)}
        if src.one_in(4):  # the 2022 amendment and the written agreement
            pool |= {dt.date(2022, 3, 15), dt.date(2022, 12, 31), dt.date(2023, 6, 1)}
        self.pool = sorted(pool)

    def day(self) -> dt.date:
        return self.src.pick(self.pool) + dt.timedelta(days=self.src.pick(SHIFTS))

    def pair(self) -> tuple:
        a, b = self.day(), self.day()
        return (a, b) if a <= b else (b, a)

    def written(self, day: dt.date):
        """The day, or sometimes only its month or year as a source gives it (`2014-06`, `2014`)."""
        return self.src.pick([day, day, day, day, f"{day:%Y-%m}", f"{day:%Y}"])

    def period(self) -> dict:
        """`from`/`to` of a Period; either end may be open, and either may be a month or a year."""
        a, b = self.pair()
        shape = self.src.pick(["both", "open", "from", "to", "both"])
        return {"from": self.written(a) if shape in ("from", "both") else None,
                "to": self.written(b) if shape in ("to", "both") else None}

    def day_range(self, not_before: dt.date | None = None) -> DayRange:
        a, b = self.pair()
        if not_before is not None:
            a, b = max(a, not_before), max(b, not_before)
        if self.src.one_in(2):
            b = a  # a single day
        if not_before is None:  # an imprecise start could fall before `not_before`
            return DayRange.model_validate({"from": self.written(a), "to": self.written(b)})
        return DayRange.model_validate({"from": a, "to": self.written(b)})


# ---------------------------------------------------------------- entities


def _chain_links(src: Source, dates: Dates, candidates: list, chain: str, unknown_parents: bool = True) -> list:
    """Successive, non-overlapping links of one chain, each to a parent drawn from `candidates`."""
    count = src.int(0, 3)
    if count == 0 or not candidates:
        return []
    cuts = sorted({dates.day() for _ in range(count - 1)})
    starts = [None] + cuts
    links = []
    for i, start in enumerate(starts):
        end = starts[i + 1] - dt.timedelta(days=1) if i + 1 < len(starts) else None
        if start is not None and end is not None and end < start:
            continue
        if src.one_in(5):
            continue  # a gap: no parent in this chain for a while
        parent = "unknown" if unknown_parents and src.one_in(8) else src.pick(candidates)  # a parent, not which
        seen = unknown_parents and end is not None and src.one_in(4)  # last seen: its end unknown
        ends = {"last_seen": end} if seen else {"to": end}
        links.append(ParentLink.model_validate({"unit": parent, "chain": chain, "from": start, **ends,
                                                "assumption": WHY}))
    return links


def _index(unit_id: str) -> int:
    return int(unit_id[1:])


def build_units(src: Source, dates: Dates, count: int, unknown_parents: bool = True) -> dict:
    ids = [f"u{i}" for i in range(count)]
    units = {}
    for i, uid in enumerate(ids):
        parents = []
        for chain in src.subset(CHAINS, hi=2):
            candidates = ids[:i]
            if i + 1 < count and src.one_in(6):
                candidates = ids[:i] + ids[i + 1:]  # sometimes a later unit: a cycle is dropped below
            elif i > 3 and src.one_in(2):
                candidates = ids[max(0, i - 3):i]  # a near one: deeper hierarchies
            parents += _chain_links(src, dates, candidates, chain, unknown_parents)
        units[uid] = Unit(id=uid, name=f"unit {i}", kind=src.pick(["military", "police", "border"]),
                          country="MX", parents=parents, assumption=WHY)
    if find_cycle(units):  # keep only the links to earlier units: acyclic on every date
        units = {uid: unit.model_copy(update={"parents": [p for p in unit.parents
                                                          if not p.known or _index(p.unit) < _index(uid)]})
                 for uid, unit in units.items()}
    return units


def _last_seen_sometimes(src: Source, period: dict) -> dict:
    """A period whose end is sometimes only the day it was last seen (`last_seen`: its real end unknown)."""
    if period["to"] is not None and src.one_in(4):
        return {"from": period["from"], "last_seen": period["to"]}
    return period


def build_people(src: Source, dates: Dates, unit_ids: list, count: int) -> dict:
    out = {}
    for i in range(count):
        postings = [Posting.model_validate({"unit": src.pick(unit_ids), "role": src.pick(ROLES),
                                            **_last_seen_sometimes(src, dates.period()), "assumption": WHY})
                    for _ in range(src.int(0, 3))]
        out[f"p{i}"] = Person(id=f"p{i}", name=f"person {i}", postings=postings, assumption=WHY)
    return out


def build_incidents(src: Source, dates: Dates, unit_ids: list, person_ids: list, count: int) -> dict:
    out = {}
    for i in range(count):
        if not src.one_in(4):
            units = src.subset(unit_ids, hi=3)
            persons = src.subset(person_ids, hi=2)
            if not units and not persons:
                units = [src.pick(unit_ids)]
            perpetrators = Perpetrators(units=units, people=persons)
        else:
            force = src.pick(unit_ids) if src.one_in(2) else None
            perpetrators = Perpetrators(unit_identified=False, people=src.subset(person_ids, hi=1), force=force)
        out[f"i{i}"] = Incident(id=f"i{i}", title=f"incident {i}", date=dates.day_range(),
                                place=Place(name="somewhere", country="MX"),
                                violations=src.subset(VIOLATIONS, lo=1, hi=3), perpetrators=perpetrators,
                                assumption=WHY)
    return out


def build_information(src: Source, dates: Dates, incidents: dict, unit_ids: list, person_ids: list,
                      count: int) -> dict:
    out = {}
    incident_ids = sorted(incidents)
    for i in range(count):
        # without an incident (now and then, or when the case has none): its own units or people and violations
        incident = incidents[src.pick(incident_ids)] if incident_ids and not src.one_in(6) else None
        alleges = None
        if src.one_in(3) or incident is None:  # a subset of units and people (an empty `alleges` is an error)
            alleges = Refs(units=src.subset(unit_ids, hi=2), people=src.subset(person_ids, hi=2))
            if incident is None and not (alleges.units or alleges.people):
                alleges = Refs(units=[src.pick(unit_ids)])
            alleges = alleges if alleges.units or alleges.people else None
        violations = None
        if src.one_in(3) or incident is None:  # its own; an empty list is the incident's, as `null` is
            violations = src.subset(VIOLATIONS, lo=0 if incident else 1, hi=3)
        date = dates.day_range() if incident is None and src.one_in(2) else None
        status = src.pick(STATUSES)
        on = dates.day() if status != "pending" or src.one_in(2) else None
        began = incident.date if incident else date
        received = dates.day_range(not_before=began.from_) if began else dates.day_range()
        on = max(on, received.from_) if on else None  # assessed on or after the first day it may have arrived
        assessment = Assessment(status=status, on=on, second_tier=src.pick(REVIEWS))
        out[f"n{i}"] = Information(id=f"n{i}", incident=incident.id if incident else None, summary=f"item {i}",
                                   alleges=alleges, violations=violations, date=date, received=received,
                                   held_by=src.pick(["both", "both", "state", "dod"]),
                                   assessment=assessment, assumption=WHY)
    return out


def build_proposals(src: Source, dates: Dates, unit_ids: list, person_ids: list, count: int) -> dict:
    out = {}
    for i in range(count):
        if src.one_in(5):
            recipients = Recipients(identified=False, description="not named",
                                    barred_list_given=dates.day() if src.one_in(2) else None,
                                    written_agreement=dates.day() if src.one_in(2) else None)
        else:
            units = src.subset(unit_ids, hi=2)
            persons = src.subset(person_ids, hi=1)
            if not units and not persons:
                units = [src.pick(unit_ids)]
            recipients = Recipients(units=units, people=persons)
        # mostly one source; sometimes mixed funding (two or three sources, possibly under both laws)
        sources = [src.pick(SOURCES)] if not src.one_in(4) else src.subset(SOURCES, lo=2, hi=3)
        funding = Funding(sources=sources, channel=src.pick(CHANNELS), fiscal_year=src.pick(FISCAL_YEARS))
        out[f"q{i}"] = Proposal.model_validate({
            "id": f"q{i}", "title": f"proposal {i}", "funding": funding,
            "kind": src.pick(KINDS), "recipients": recipients, **dates.period(), "assumption": WHY})
    return out


def build_determinations(src: Source, dates: Dates, unit_ids: list, incident_ids: list, proposals: dict,
                         count: int, hot: list, began: dict, standalone: list = ()) -> dict:
    """Determinations of every kind; the unit is often one some incident implicates (`hot`), so that exceptions
    meet the grounds they can lift, and steps name some of the case's incidents."""
    out = {}
    dod_proposals = sorted(pid for pid, p in proposals.items() if "dod" in p.laws)
    kinds = ["state-effective-steps", "dod-corrective-steps"] if incident_ids or standalone else []
    if dod_proposals:
        kinds += ["dod-emergency", "dod-waiver"]
    for i in range(count if kinds else 0):
        kind = src.pick(kinds)
        made = dates.day()
        reported = None if src.one_in(3) else "unknown" if src.one_in(5) else max(made, dates.day())
        unit = src.pick(hot) if hot and not src.one_in(4) else src.pick(unit_ids)
        fields = {"id": f"d{i}", "kind": kind, "unit": unit, "made": made, "reported": reported,
                  "consulted_state": src.pick([True, True, True, None, False, "unknown"]), "assumption": WHY}
        if src.one_in(4):
            fields["revoked"] = max(made, dates.day())
        if src.one_in(4):
            fields["review"] = dates.day()
        if kind.startswith("dod") and src.one_in(3):
            fields["applied"] = max(made, dates.day())
        if kind in ("dod-emergency", "dod-waiver"):
            fields["proposal"] = src.pick(dod_proposals)
        if kind == "dod-emergency":
            fields["emergency"] = src.pick(["disaster-relief", "humanitarian", "national-security"])
        if kind in ("state-effective-steps", "dod-corrective-steps"):
            # the incidents, and the information without an incident (`standalone`), the steps concern
            fields["incidents"] = src.subset(incident_ids, lo=0 if standalone else 1)
            fields["information"] = src.subset(standalone, lo=0 if fields["incidents"] else 1)
            # made once the incidents it concerns have begun (`began`: incident id -> first day)
            fields["made"] = max([made] + [began[i] for i in fields["incidents"]])
            for later in ("reported", "revoked", "applied"):  # none of them before the day it was made
                if isinstance(fields.get(later), dt.date):
                    fields[later] = max(fields[later], fields["made"])
        out[f"d{i}"] = Determination.model_validate(fields)
    return out


def build_investigations(src: Source, dates: Dates, incidents: dict, unit_ids: list, count: int) -> dict:
    out = {}
    incident_ids = sorted(incidents)
    for i in range(count):
        status = src.pick(["open", "closed", "convicted", "dismissed", "suspects-released"])
        out[f"v{i}"] = Investigation(
            id=f"v{i}", kind=src.pick(["investigation", "prosecution", "disciplinary"]), by="someone",
            incident=src.pick(incident_ids) if incident_ids and not src.one_in(3) else None,
            subjects=Refs(units=src.subset(unit_ids, hi=1)), status=status,
            status_on=dates.day() if status in ("dismissed", "suspects-released") or src.one_in(2) else None,
            assumption=WHY)
    return out


def build_case(src: Source, sizes: dict, exact: bool = False, unknown_parents: bool = True) -> tuple:
    """(Case, as_of) with at most `sizes[...]` entities of each kind (at least one unit); with `exact`, exactly.
    Without `unknown_parents`, no parent is `unknown` or only last seen (such a case is decided in one session)."""
    sizes = {**SIZES, **sizes}

    def count(kind, least=0):
        return sizes[kind] if exact else src.int(least, sizes[kind])

    dates = Dates(src)
    units = build_units(src, dates, count("units", 1), unknown_parents)
    unit_ids = sorted(units, key=_index)
    persons = build_people(src, dates, unit_ids, count("people"))
    person_ids = sorted(persons, key=_index)
    incidents = build_incidents(src, dates, unit_ids, person_ids, count("incidents"))
    items = build_information(src, dates, incidents, unit_ids, person_ids, count("items"))
    proposals = build_proposals(src, dates, unit_ids, person_ids, count("proposals"))
    hot = {u for i in incidents.values() for u in i.perpetrators.units + [i.perpetrators.force] if u}
    hot |= {p.unit for i in incidents.values() for pid in i.perpetrators.people for p in persons[pid].postings}
    standalone = sorted((n for n, item in items.items() if item.incident is None), key=_index)
    hot |= {u for n in standalone for u in items[n].alleges.units}
    determinations = build_determinations(src, dates, unit_ids, sorted(incidents, key=_index), proposals,
                                          count("determinations"), sorted(hot, key=_index),
                                          {iid: incident.date.from_ for iid, incident in incidents.items()},
                                          standalone)
    investigations = build_investigations(src, dates, incidents, unit_ids, count("investigations"))
    case = Case(info=CaseInfo(id="generated", title="a generated case"), units=units, people=persons,
                incidents=incidents, information=items, investigations=investigations,
                determinations=determinations, proposals=proposals)
    as_of = dates.day() if src.one_in(3) else max(dates.pair())  # mostly late: more information has arrived
    return case, as_of


@st.composite
def case_and_date(draw, unknown_parents: bool = True, **sizes):
    """(Case, as_of): a random valid case and an as-of date drawn from the same pool of days."""
    return build_case(Source(draw=draw), sizes, unknown_parents=unknown_parents)


def cases(**sizes):
    return case_and_date(**sizes).map(lambda pair: pair[0])


def random_case_and_date(seed: int, exact: bool = False, **sizes) -> tuple:
    """The same generator on `random.Random(seed)`; with `exact`, exactly `sizes` entities of each kind."""
    return build_case(Source(rng=random.Random(seed)), sizes, exact)
