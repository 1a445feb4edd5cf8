"""The case-file format: pydantic models of everything a Leahy vetting decision can rest on.

A case is YAML written by hand and reviewed in pull requests (see docs/case-format.md). Every fact that a
decision can rest on cites at least one source, or says plainly that it is an assumption.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from enum import Enum
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

ID_PATTERN = r"^[a-z0-9][a-z0-9._-]{0,79}$"
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class Day(dt.date):
    """A day read from a date written at day, month or year precision (`2014-06-30`, `2014-06`, `2014`).

    `written` keeps what the file says; `first` and `last` are the first and last day it can mean. Which day
    stands for it is decided per field (docs/decisions.md, "Imprecise dates"): the reading that is safer for a
    bar. An ordinary `datetime.date` in every comparison.
    """

    written: str
    first: dt.date
    last: dt.date

    @property
    def precise(self) -> bool:
        return self.first == self.last


def _day(value, latest: bool) -> dt.date:
    """`YYYY-MM-DD`, `YYYY-MM` or `YYYY` (or a date): no timestamps, no numbers, no other forms."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        value = str(value)  # `date: 2014` unquoted is a year, as YAML reads it: a number
    if not isinstance(value, str):
        raise ValueError(_NOT_A_DATE)
    return _day_written(value, latest)


_NOT_A_DATE = "expected a date written `YYYY-MM-DD` (or `YYYY-MM`, `YYYY` where only the month or year is known)"


@functools.lru_cache(maxsize=8192)
def _day_written(value: str, latest: bool) -> Day:
    """The day a date written as text stands for. Cached: a generated case of 72,000 entities writes 110,000
    dates, a few thousand different ones; a Day is never changed once made, so one serves every field that
    writes the same date (an error is not cached: it is raised again, the same, for each)."""
    match = _DATE.match(value)
    if not match:
        raise ValueError(_NOT_A_DATE)
    if not value.isascii():  # `\d` matches any script's digits
        raise ValueError(f"`{value}` is not a date written `YYYY-MM-DD`: digits must be ASCII 0-9")
    year, month, day_ = int(match[1]), match[2] and int(match[2]), match[3] and int(match[3])
    try:
        first = dt.date(year, month or 1, day_ or 1)
        if day_:
            last = first
        elif month:
            last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        else:
            last = dt.date(year, 12, 31)
    except ValueError:
        raise ValueError(f"`{value}` is not a real calendar date") from None
    chosen = last if latest else first
    result = Day(chosen.year, chosen.month, chosen.day)
    result.written, result.first, result.last = value, first, last
    return result


def _strict_date(value):
    return _day(value, latest=False)


def _late_date(value):
    return _day(value, latest=True)


_DATE_INPUT = Annotated[str, Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]
# a date read as its first day (an imprecise start, `received`, the default) or as its last day
Date = Annotated[dt.date, BeforeValidator(_strict_date, json_schema_input_type=_DATE_INPUT)]
LateDate = Annotated[dt.date, BeforeValidator(_late_date, json_schema_input_type=_DATE_INPUT)]
Id = Annotated[str, Field(pattern=ID_PATTERN, description="a short stable slug: a-z, 0-9, `.`, `_`, `-`")]


class Model(BaseModel):
    """Every model forbids unknown keys, so a typo is an error and not a silently ignored fact."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, use_enum_values=True)

    @field_validator("*")
    @classmethod
    def _not_blank(cls, value):
        """Text of spaces only is no name, no quote and no assumption: refused as an empty value would be.
        (Run on every field of every entity: the common cases first, and no list made for a single value.)"""
        if isinstance(value, str):
            if value and not value.strip():
                raise ValueError("expected text, not only spaces")
        elif isinstance(value, list):
            for text in value:
                if isinstance(text, str) and text and not text.strip():
                    raise ValueError("expected text, not only spaces")
        return value


# ---------------------------------------------------------------- vocabularies


class UnitKind(str, Enum):
    military = "military"
    police = "police"
    border = "border"
    customs = "customs"
    prison = "prison"
    intelligence = "intelligence"
    investigative = "investigative"
    other_security = "other-security"
    non_security = "non-security"


class Violation(str, Enum):
    # the core four that State practice treats as gross violations
    torture = "torture"
    extrajudicial_killing = "extrajudicial-killing"
    enforced_disappearance = "enforced-disappearance"
    rape_under_color_of_law = "rape-under-color-of-law"
    # the second tier of FAA 502B(d)(1): gross only after an analyst's review
    cruel_inhuman_degrading_treatment = "cruel-inhuman-degrading-treatment"
    prolonged_detention_without_charge = "prolonged-detention-without-charge"
    other_flagrant_denial = "other-flagrant-denial"
    # conduct recorded as context, not a gross violation by itself
    other = "other"
    # the sources report a violation without saying what kind: held until it is classified
    unknown = "unknown"


CORE_VIOLATIONS = frozenset({"torture", "extrajudicial-killing", "enforced-disappearance",
                             "rape-under-color-of-law"})
SECOND_TIER_VIOLATIONS = frozenset({"cruel-inhuman-degrading-treatment", "prolonged-detention-without-charge",
                                    "other-flagrant-denial"})


class Role(str, Enum):
    commander = "commander"
    deputy_commander = "deputy-commander"
    member = "member"
    other = "other"


class Chain(str, Enum):
    command = "command"
    administrative = "administrative"
    operational = "operational"


class AssessmentStatus(str, Enum):
    credible = "credible"
    pending = "pending"
    not_credible = "not-credible"


class SecondTierReview(str, Enum):
    gross = "gross"
    not_gross = "not-gross"


class Reliability(str, Enum):
    """Admiralty-style source reliability: A completely reliable … E unreliable, F cannot be judged."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"
    F = "F"


class FundingSource(str, Enum):
    """Where the money comes from: this, not the channel, decides which Leahy law covers the assistance."""

    fmf = "fmf"  # Foreign Military Financing (AECA sec. 23): State law
    imet = "imet"  # International Military Education and Training (FAA part II ch. 5): State law
    incle = "incle"  # International Narcotics Control and Law Enforcement (FAA part I ch. 8): State law
    nadr = "nadr"  # Nonproliferation, Anti-terrorism, Demining and Related Programs (FAA): State law
    pko = "pko"  # Peacekeeping Operations (FAA part II ch. 6): State law
    esf = "esf"  # Economic Support Fund (FAA part II ch. 4): State law
    faa = "faa"  # another account under the Foreign Assistance Act: State law
    aeca = "aeca"  # another authority of the Arms Export Control Act: State law
    dod_333 = "dod-333"  # 10 U.S.C. 333, building partner capacity: DoD law
    dod_284 = "dod-284"  # 10 U.S.C. 284, counter-drug support: DoD law
    dod = "dod"  # other amounts made available to the Department of Defense: DoD law
    purchaser = "purchaser"  # the buyer's own national funds: neither law
    other = "other"  # funds under neither law


class Channel(str, Enum):
    """How the assistance is delivered; recorded, but coverage follows the source of the money."""

    grant = "grant"
    fms = "fms"  # Foreign Military Sales (a government-to-government sale, whoever pays)
    dcs = "dcs"  # Direct Commercial Sales
    eda = "eda"  # Excess Defense Articles
    dod_delivered = "dod-delivered"


STATE_SOURCES = frozenset({"fmf", "imet", "incle", "nadr", "pko", "esf", "faa", "aeca"})
DOD_SOURCES = frozenset({"dod-333", "dod-284", "dod"})
LAW_OF_SOURCE = {**{s: "state" for s in STATE_SOURCES}, **{s: "dod" for s in DOD_SOURCES},
                 "purchaser": None, "other": None}
# the former `authority` field, read as the sources and channel it meant (docs/case-format.md); `fms` is refused:
# a Foreign Military Sale may be paid by the buyer or financed with FMF, and the old value does not say which
LEGACY_AUTHORITY = {"faa": {"sources": ["faa"]}, "aeca": {"sources": ["aeca"]}, "dod": {"sources": ["dod"]},
                    "other": {"sources": ["other"]}, "dcs": {"sources": ["purchaser"], "channel": "dcs"}}


class AssistanceKind(str, Enum):
    training = "training"
    equipment = "equipment"
    other = "other"


class DeterminationKind(str, Enum):
    state_effective_steps = "state-effective-steps"
    dod_corrective_steps = "dod-corrective-steps"
    dod_emergency = "dod-emergency"
    dod_waiver = "dod-waiver"


class Emergency(str, Enum):
    disaster_relief = "disaster-relief"
    humanitarian = "humanitarian"
    national_security = "national-security"


class InvestigationKind(str, Enum):
    investigation = "investigation"
    prosecution = "prosecution"
    disciplinary = "disciplinary"


class InvestigationStatus(str, Enum):
    open = "open"
    charged = "charged"
    convicted = "convicted"
    acquitted = "acquitted"
    dismissed = "dismissed"  # charges dropped
    suspects_released = "suspects-released"
    closed = "closed"


# what the foreign government did that shows it is no longer taking steps to bring those responsible to justice
SETBACKS = frozenset({"dismissed", "suspects-released"})
UNKNOWN = "unknown"


# ---------------------------------------------------------------- building blocks


class Citation(Model):
    """Where a fact comes from: a source id and, for a source whose text the case ships, a quote found in it."""

    source: Id
    quote: str | None = Field(None, min_length=3, description="words found verbatim in the source")
    locator: str | None = Field(None, description="page, paragraph or timestamp in the source")
    note: str | None = None


def _citations(value):
    """A bare source id is shorthand for `{source: id}`."""
    if isinstance(value, list):
        return [{"source": v} if isinstance(v, str) else v for v in value]
    return value


Citations = Annotated[list[Citation], BeforeValidator(_citations, json_schema_input_type=list[Id | Citation])]


class Sourced(Model):
    """A fact: it cites sources, or states the assumption it rests on."""

    sources: Citations = Field(default_factory=list)
    assumption: str | None = Field(None, min_length=3,
                                   description="why this fact is assumed rather than sourced")
    confidence: Literal["low", "medium", "high"] | None = Field(
        None, description="the confidence the source itself gives this fact (Security Force Monitor: Low, "
                          "Medium, High); absent when the source gives none")

    @model_validator(mode="after")
    def _has_basis(self):
        if not self.sources and not self.assumption:
            raise ValueError("a fact needs `sources` (at least one) or an `assumption` saying why it has none")
        return self


class Period(Model):
    """A span of days; an open end means 'still true' and an open start 'since before the sources speak'."""

    from_: Date | None = Field(None, alias="from")
    to: LateDate | None = None  # an imprecise end is read as its last day: the span is never shortened

    @model_validator(mode="after")
    def _ordered(self):
        if self.from_ and self.to and self.to < self.from_:
            raise ValueError(f"`to` ({self.to}) is before `from` ({self.from_})")
        return self

    def covers(self, day: dt.date) -> bool:
        return (self.from_ is None or self.from_ <= day) and (self.to is None or day <= self.to)


def _day_or_range(value):
    """`2014-06-30` is shorthand for `{from: 2014-06-30, to: 2014-06-30}`; `2014-06` for the whole month."""
    is_year = isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999  # `2014`
    if isinstance(value, (str, dt.date)) or is_year:
        return {"from": value, "to": value}
    return value


class DayRange(Model):
    """A day, or the range of days within which it fell (`{from, to}`, both required)."""

    from_: Date = Field(alias="from")
    to: LateDate

    @model_validator(mode="after")
    def _ordered(self):
        if self.to < self.from_:
            raise ValueError(f"`to` ({self.to}) is before `from` ({self.from_})")
        return self


When = Annotated[DayRange, BeforeValidator(_day_or_range, json_schema_input_type=Date | DayRange)]


class Refs(Model):
    """Units and people an entity points at."""

    units: list[Id] = Field(default_factory=list)
    people: list[Id] = Field(default_factory=list)


# ---------------------------------------------------------------- entities


class Source(Model):
    id: Id
    title: str = Field(min_length=1)
    publisher: str = Field(min_length=1)
    date: Date | None = None
    url: str | None = Field(None, pattern=r"^https?://\S+$")
    authors: list[str] = Field(default_factory=list)
    kind: Literal["media", "government", "international-organisation", "ngo", "court", "academic", "reference",
                  "other"] = "media"
    reliability: Reliability | None = None
    text: str | None = Field(None, pattern=r"^[A-Za-z0-9._/-]+$",
                             description="path, relative to the case folder, of the source's text shipped with "
                                         "the case; quotes citing this source must be found in it")
    attribution: str | None = None


class LastSeen(Period):
    """A span whose end may be unknown: `last_seen` instead of `to` says it held on that day and nobody knows
    whether it went on (Security Force Monitor's "last cited" is this, not an end).

    The known span ends on `last_seen` (read as `to`, so everything that reads the span sees what is known);
    after it the span is *unknown*, never "ended" (docs/decisions.md, "Unknown values")."""

    last_seen: LateDate | None = Field(
        None, description="the last day a source saw it hold; after it, whether it goes on is unknown (give "
                          "`to` instead when the sources say it ended)")

    @model_validator(mode="after")
    def _seen_not_ended(self):
        if self.last_seen is None:
            return self
        if "to" in self.model_fields_set and self.to != self.last_seen:  # the same day: a model dumped and read back
            raise ValueError("give `to` (it ended that day) or `last_seen` (it was last seen that day, its end "
                             "unknown), not both")
        if self.from_ and self.last_seen < self.from_:
            raise ValueError(f"`last_seen` ({self.last_seen}) is before `from` ({self.from_})")
        object.__setattr__(self, "to", self.last_seen)  # a frozen model, set while validated; not `set` by the file
        return self

    @property
    def end_known(self) -> bool:
        """False when the span was last seen on `to` and may have gone on after it."""
        return self.last_seen is None


class ParentLink(Sourced, LastSeen):
    unit: Id = Field(  # an id, or the word `unknown` (no unit may have that id)
        description="the parent unit; `unknown` when the sources say the unit had a parent in this chain then "
                    "but not which (docs/decisions.md, \"Unknown values\")")
    chain: Chain = Field(Chain.command, validate_default=True)  # validated: the value, not the member

    @property
    def known(self) -> bool:
        return self.unit != UNKNOWN


class Withholding(Sourced):
    """A unit barred but left off the public list of 22 U.S.C. 2378d(d)(7), with the ground and the report."""

    on: Date = Field(description="the day the unit was withheld from publication")
    until: LateDate | None = Field(None, description="the day it was published after all (absent: still withheld)")
    ground: Literal["national-security"] = Field(
        description="since the 2022 amendment, the only ground: the Secretary determined, case by case, that "
                    "disclosure is not in the U.S. national-security interest")
    justification: str | None = Field(None, min_length=3, description="the detailed justification, as reported")
    reported: LateDate | Literal["unknown"] | None = Field(
        None, description="when the determination and its justification were reported to the appropriate "
                          "committees; `unknown` when the sources do not say (absent: not reported)")

    @model_validator(mode="after")
    def _ordered(self):
        if self.until and self.until < self.on:
            raise ValueError(f"`until` ({self.until}) is before `on` ({self.on})")
        if isinstance(self.reported, dt.date) and self.reported < self.on:
            raise ValueError(f"`reported` ({self.reported}) is before `on` ({self.on})")
        return self

    def stands(self, day: dt.date) -> bool:
        return self.on <= day and (self.until is None or day < self.until)


class Unit(Sourced):
    id: Id
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    kind: UnitKind
    classification: list[str] = Field(default_factory=list,
                                      description="the source's own classification, verbatim (SFM: Militar, "
                                                  "Ejército, Policía Federal, ...)")
    formed: Date | None = Field(None, description="when the unit was formed, where a source says")
    dissolved: LateDate | None = Field(None, description="when the unit was dissolved, where a source says")
    echelon: str | None = None
    country: str = Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2 code")
    personnel: int | None = Field(None, ge=0, strict=True)  # strict: `true` is not 1
    parents: list[ParentLink] = Field(default_factory=list)
    withheld_from_publication: list[Withholding] = Field(
        default_factory=list, description="each time the unit was left off the public list of barred units "
                                          "(22 U.S.C. 2378d(d)(7)), and why")

    @field_validator("id")
    @classmethod
    def _not_the_word_unknown(cls, value):
        if value == UNKNOWN:
            raise ValueError("`unknown` is not a unit id: a parent link says `unit: unknown` when the parent is not "
                             "known; give the unit another id")
        return value

    @model_validator(mode="after")
    def _formed_before_dissolved(self):
        if self.formed and self.dissolved and self.dissolved < self.formed:
            raise ValueError(f"`dissolved` ({self.dissolved}) is before `formed` ({self.formed})")
        return self


class Posting(Sourced, LastSeen):
    unit: Id
    role: Role = Field(Role.member, validate_default=True)
    rank: str | None = None
    title: str | None = None


class Person(Sourced):
    id: Id
    name: str = Field(min_length=1, description="a real name only where a cited source names the person "
                                                "in that role; otherwise a role description")
    count: int = Field(1, ge=1, strict=True, description="a group of unnamed individuals who share every fact")
    postings: list[Posting] = Field(default_factory=list)


class Place(Model):
    name: str = Field(min_length=1)
    country: str = Field(pattern=r"^[A-Z]{2}$")
    admin1: str | None = None


class Victims(Model):
    count: int | None = Field(None, ge=0, strict=True)
    description: str | None = None


class Perpetrators(Refs):
    """Who is alleged to have done it; when no unit is identified say so, and name the broadest force."""

    unit_identified: bool = True
    force: Id | None = Field(None, description="the broadest force the sources name, when no unit is identified")
    description: str | None = None

    @model_validator(mode="after")
    def _identified_or_not(self):
        if self.unit_identified and not (self.units or self.people):
            raise ValueError("name the perpetrator `units` or `people`, or set `unit_identified: false`")
        if not self.unit_identified and self.units:
            raise ValueError("`unit_identified: false` cannot list perpetrator `units`; use `force`")
        return self


class Incident(Sourced):
    id: Id
    title: str = Field(min_length=1)
    date: When
    place: Place
    violations: list[Violation] = Field(min_length=1)
    description: str | None = None
    victims: Victims | None = None
    perpetrators: Perpetrators


class Assessment(Model):
    """The assessment of an information item: credible, still pending, or not credible; dated."""

    status: AssessmentStatus
    on: Date | None = Field(None, description="when the assessment was made; required unless pending")
    by: str | None = None
    made_by: Literal["government", "analyst"] | None = Field(
        None, description="whose assessment it is: `government` (a U.S. government assessment the sources "
                          "record) or `analyst` (the case authors' own reading); absent: the analysts' — the "
                          "register lists as barred by the government only what the case shows it found")
    basis: str | None = None
    second_tier: SecondTierReview | None = Field(
        None, description="for second-tier violations: whether the review found the violation gross")

    @model_validator(mode="after")
    def _dated(self):
        if self.status != "pending" and self.on is None:
            raise ValueError("a `credible` or `not-credible` assessment needs the date it was made (`on`)")
        if self.status == "not-credible" and isinstance(self.on, Day) and not self.on.precise:
            # a finding of "not credible" ends a suspension: an imprecise day counts from its last day
            object.__setattr__(self, "on", _late_date(self.on.written))
        return self


class Information(Sourced):
    """What is alleged about which incident and perpetrator, when it was received and how it was assessed.

    Without an `incident` (a source reports an allegation, a suspension or a clearance of a unit and no incident
    is known), it names whom it alleges and the violations itself, and implicates only those it names
    (docs/decisions.md, "Information without an incident")."""

    id: Id
    incident: Id | None = Field(None, description="the incident it describes; absent when none is known")
    summary: str = Field(min_length=1)
    alleges: Refs | None = Field(None, description="the perpetrators this item implicates; "
                                                   "default: the incident's; required without an incident")
    violations: list[Violation] | None = Field(None, description="default: the incident's; required without "
                                                                 "an incident (`unknown` when not given)")
    date: When | None = Field(None, description="without an incident: when the alleged conduct happened, where "
                                                "the source says (recorded; it implicates nobody by posting)")
    received: When
    held_by: Literal["state", "dod", "both"] = Field(
        "both", description="who holds it: the Department of State, of Defense, or both (default: both, as "
                            "when the departments share what they receive)")
    reliability: Reliability | None = None
    corroborated_by: list[Id] = Field(default_factory=list, description="other information items")
    assessment: Assessment

    @model_validator(mode="after")
    def _says_what_without_incident(self):
        if self.incident is not None:
            if self.date is not None:
                raise ValueError("`date` belongs to information without an `incident`: the incident gives the date")
            return self
        if self.alleges is None or not (self.alleges.units or self.alleges.people):
            raise ValueError("information without an `incident` must say whom it alleges: `alleges: {units: [...]}` "
                             "or `{people: [...]}`")
        if not self.violations:
            raise ValueError("information without an `incident` must list its `violations` (`[unknown]` when the "
                             "source does not say what kind)")
        return self

    @property
    def key(self) -> str:
        """What determinations and investigations match it by: its incident, or the item itself without one."""
        return self.incident or self.id


class InvestigationStep(Sourced):
    """One dated status of an investigation: charged in 2007, convicted on appeal in 2011, ..."""

    status: InvestigationStatus
    on: Date
    note: str | None = None


class Investigation(Sourced):
    id: Id
    kind: InvestigationKind
    by: str = Field(min_length=1)
    incident: Id | None = None
    subjects: Refs = Field(default_factory=Refs)
    status: InvestigationStatus = Field(description="the current status: the last of `history`, if given")
    status_on: Date | None = Field(None, description="the day it reached its status; required for `dismissed` and "
                                                     "`suspects-released`, which can end a State exception")
    opened: Date | None = None
    closed: Date | None = None
    history: list[InvestigationStep] = Field(default_factory=list,
                                             description="the statuses it went through, oldest first")
    description: str | None = None

    @model_validator(mode="after")
    def _history_in_order(self):
        days = [step.on for step in self.history]
        if days != sorted(days):
            raise ValueError("`history` lists the statuses oldest first")
        if self.history and self.history[-1].status != self.status:
            raise ValueError(f"`status` (`{self.status}`) is not the last status of `history` "
                             f"(`{self.history[-1].status}`)")
        if self.status_on is None and self.history:  # the day of its last step is the day it reached its status
            object.__setattr__(self, "status_on", self.history[-1].on)  # a frozen model, set while validated
        if self.status in SETBACKS and self.status_on is None:
            raise ValueError(f"a `{self.status}` investigation needs the day it happened (`status_on`, or a dated "
                             f"`history`): a State exception made before that day lapses")
        return self


class Determination(Sourced):
    """A U.S. government determination that can lift or waive a bar (or waive it for one proposal)."""

    id: Id
    kind: DeterminationKind
    unit: Id
    proposal: Id | None = Field(None, description="for an emergency or a waiver: the proposal it is for")
    incidents: list[Id] = Field(default_factory=list,
                                description="for effective or corrective steps: the incidents whose responsible "
                                            "members the steps concern; the exception covers only these")
    information: list[Id] = Field(default_factory=list,
                                  description="for effective or corrective steps: information without an incident "
                                              "whose responsible members the steps concern")
    made: LateDate  # an imprecise day of a determination counts from its last day: it lifts nothing earlier
    reported: LateDate | Literal["unknown"] | None = Field(
        None, description="when it was reported to the appropriate congressional committees; `unknown` when the "
                          "sources do not say whether it was (absent: not reported)")
    consulted_state: bool | Literal["unknown"] | None = Field(
        None, description="DoD determinations: made after consulting the Secretary of State; `unknown` when the "
                          "sources do not say")
    applied: Date | None = Field(None, description="DoD: the day the exception or waiver was first applied to "
                                                   "assistance (the 15-day report runs from it; default: `made`)")
    revoked: Date | None = Field(None, description="the day it was revoked or ended: it has no effect from then")
    review: Date | None = Field(None, description="the day it is due for review (a task opens then)")
    emergency: Emergency | None = None
    circumstances: str | None = None

    @model_validator(mode="after")
    def _consistent(self):
        if self.kind == "dod-emergency" and self.emergency is None:
            raise ValueError("a `dod-emergency` determination needs `emergency` "
                             "(disaster-relief, humanitarian or national-security)")
        if self.kind in ("dod-emergency", "dod-waiver") and self.proposal is None:
            raise ValueError(f"a `{self.kind}` determination is made for one activity: name its `proposal`")
        if self.kind in ("state-effective-steps", "dod-corrective-steps") and not (self.incidents or self.information):
            raise ValueError(f"a `{self.kind}` determination concerns the members responsible for particular "
                             f"violations: list its `incidents` (or the `information` it concerns, for "
                             "information without an incident)")
        if self.kind not in ("state-effective-steps", "dod-corrective-steps") and (self.incidents or self.information):
            raise ValueError("`incidents` and `information` belong only to an effective-steps or corrective-steps "
                             "determination")
        if self.kind != "dod-emergency" and self.emergency is not None:
            raise ValueError("`emergency` belongs only to a `dod-emergency` determination")
        if self.reported_on and self.reported_on < self.made:
            raise ValueError(f"`reported` ({self.reported}) is before `made` ({self.made})")
        if self.applied and self.applied < self.made:
            raise ValueError(f"`applied` ({self.applied}) is before `made` ({self.made})")
        if self.revoked and self.revoked < self.made:
            raise ValueError(f"`revoked` ({self.revoked}) is before `made` ({self.made})")
        return self

    @property
    def reported_on(self) -> dt.date | None:
        """The day it was reported, or None (not reported, or not known whether it was)."""
        return None if self.reported == UNKNOWN else self.reported


class Authority(str, Enum):
    """The former `funding.authority` (before sources and channels), still read: see LEGACY_AUTHORITY."""

    faa = "faa"
    aeca = "aeca"
    fms = "fms"
    dcs = "dcs"
    dod = "dod"
    other = "other"


class Funding(Model):
    sources: list[FundingSource] = Field(default_factory=list,
                                         description="where the money comes from (several for mixed funding); "
                                                     "decides the law")
    channel: Channel | None = Field(None, description="how it is delivered: grant, fms, dcs, eda, dod-delivered")
    fiscal_year: int | None = Field(None, ge=1990, le=2100,
                                    description="the fiscal year of the appropriation the funds come from")
    account: str | None = None
    authority: Authority | None = Field(None, description="the former format: faa, aeca, dod, other, dcs "
                                                          "(read as sources); fms is refused, say who pays")

    @model_validator(mode="before")
    @classmethod
    def _legacy_authority(cls, value):
        """`authority:` keeps working where its meaning is certain (LEGACY_AUTHORITY)."""
        if not isinstance(value, dict) or value.get("authority") is None:
            return value
        if "sources" in value or "channel" in value:
            raise ValueError("give the funding `sources` and `channel`, not `authority` as well")
        if value["authority"] == "fms":
            raise ValueError("`authority: fms` does not say who pays for the sale; write "
                             "`{sources: [purchaser], channel: fms}` for a sale the buyer pays with its own funds, "
                             "or `{sources: [fmf], channel: fms}` for one financed with Foreign Military Financing")
        if not isinstance(value["authority"], str):  # a list or a mapping: the field check says what is expected
            return value
        return {**LEGACY_AUTHORITY.get(value["authority"], {}), **value}

    @model_validator(mode="after")
    def _has_a_source(self):
        if not self.sources:
            raise ValueError("say where the money comes from: `sources` (" +
                             ", ".join(s.value for s in FundingSource) + ")")
        return self

    @property
    def laws(self) -> tuple:
        """The laws whose funds pay for the assistance, State first."""
        found = {LAW_OF_SOURCE[source] for source in self.sources}
        return tuple(law for law in ("state", "dod") if law in found)

    @property
    def purchaser_funded(self) -> bool:
        return set(self.sources) == {"purchaser"}


class Recipients(Refs):
    identified: bool = True
    description: str | None = None
    barred_list_given: Date | None = Field(
        None, description="recipients not identified: the day the list of barred units was given to the recipient "
                          "government (22 U.S.C. 2378d(c)(1), since 2022)")
    written_agreement: Date | None = Field(
        None, description="recipients not identified: the day the recipient government's written agreement to "
                          "honour the bar was concluded (required from 2022-12-31)")

    @model_validator(mode="after")
    def _identified_or_not(self):
        if self.identified and not (self.units or self.people):
            raise ValueError("name the recipient `units` or `people`, or set `identified: false`")
        return self


class Amount(Model):
    value: float = Field(ge=0, strict=True)
    currency: str = Field("USD", pattern=r"^[A-Z]{3}$")
    approximate: bool = False


class Proposal(Sourced, Period):
    id: Id
    title: str = Field(min_length=1)
    program: str | None = None
    funding: Funding
    kind: AssistanceKind
    recipients: Recipients
    amount: Amount | None = None
    quantity: int | None = Field(None, ge=0, description="how many: trainees of a course, items of equipment")
    description: str | None = None

    @property
    def laws(self) -> tuple:
        return self.funding.laws

    @property
    def law(self) -> str | None:
        """`state`, `dod`, `both` (mixed funding under the two laws) or None (neither law's funds)."""
        laws = self.funding.laws
        return None if not laws else laws[0] if len(laws) == 1 else "both"


class CaseInfo(Model):
    id: Id
    title: str = Field(min_length=1)
    country: str | None = Field(None, pattern=r"^[A-Z]{2}$")
    description: str | None = None


COLLECTIONS = ("sources", "units", "people", "incidents", "information", "investigations", "determinations",
               "proposals")


class CaseFile(Model):
    """One YAML file of a case; a case is one file or a folder of files merged."""

    case: CaseInfo | None = None
    sources: list[Source] = Field(default_factory=list)
    units: list[Unit] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    incidents: list[Incident] = Field(default_factory=list)
    information: list[Information] = Field(default_factory=list)
    investigations: list[Investigation] = Field(default_factory=list)
    determinations: list[Determination] = Field(default_factory=list)
    proposals: list[Proposal] = Field(default_factory=list)


class HypothesisInfo(Model):
    id: Id
    title: str = Field(min_length=1)
    rationale: str = Field(min_length=1)


class Removals(Model):
    sources: list[Id] = Field(default_factory=list)
    units: list[Id] = Field(default_factory=list)
    people: list[Id] = Field(default_factory=list)
    incidents: list[Id] = Field(default_factory=list)
    information: list[Id] = Field(default_factory=list)
    investigations: list[Id] = Field(default_factory=list)
    determinations: list[Id] = Field(default_factory=list)
    proposals: list[Id] = Field(default_factory=list)


class Patch(Model):
    """One field of an existing entity changed: the entity is validated whole with the new value."""

    id: Id
    field: str = Field(min_length=1, description="a top-level field of the entity, e.g. `assessment`")
    value: object = Field(description="its new value, as the field is written in a case file")
    rationale: str | None = None


class Patches(Model):
    sources: list[Patch] = Field(default_factory=list)
    units: list[Patch] = Field(default_factory=list)
    people: list[Patch] = Field(default_factory=list)
    incidents: list[Patch] = Field(default_factory=list)
    information: list[Patch] = Field(default_factory=list)
    investigations: list[Patch] = Field(default_factory=list)
    determinations: list[Patch] = Field(default_factory=list)
    proposals: list[Patch] = Field(default_factory=list)


class HypothesisFile(Model):
    """An overlay: entities to add, to replace (same id), to patch (one field) and to remove, with a title and
    a rationale."""

    hypothesis: HypothesisInfo
    add: CaseFile = Field(default_factory=CaseFile)
    replace: CaseFile = Field(default_factory=CaseFile)
    patch: Patches = Field(default_factory=Patches)
    remove: Removals = Field(default_factory=Removals)

    @field_validator("add", "replace")
    @classmethod
    def _no_case_block(cls, value: CaseFile):
        if value.case is not None:
            raise ValueError("a hypothesis cannot add or replace the `case` block")
        return value
