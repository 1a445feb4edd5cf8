"""The case-file format: pydantic models of everything a Leahy vetting decision can rest on.

A case is YAML written by hand and reviewed in pull requests (see docs/case-format.md). Every fact that a
decision can rest on cites at least one source, or says plainly that it is an assumption.
"""
from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

ID_PATTERN = r"^[a-z0-9][a-z0-9._-]{0,79}$"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")  # \d: any script's digits, told apart below


def _strict_date(value):
    """Only ISO `YYYY-MM-DD` strings (or dates): no timestamps, no numbers, no partial dates."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _DATE.match(value):
        if not value.isascii():
            raise ValueError(f"`{value}` is not a date written `YYYY-MM-DD`: digits must be ASCII 0-9")
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"`{value}` is not a real calendar date") from None
    raise ValueError("expected a date written `YYYY-MM-DD`")


Date = Annotated[dt.date, BeforeValidator(_strict_date)]
Id = Annotated[str, Field(pattern=ID_PATTERN, description="a short stable slug: a-z, 0-9, `.`, `_`, `-`")]


class Model(BaseModel):
    """Every model forbids unknown keys, so a typo is an error and not a silently ignored fact."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, use_enum_values=True)

    @field_validator("*")
    @classmethod
    def _not_blank(cls, value):
        """Text of spaces only is no name, no quote and no assumption: refused as an empty value would be."""
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and not text.strip() and text:
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


class Authority(str, Enum):
    faa = "faa"  # Foreign Assistance Act: State law
    aeca = "aeca"  # Arms Export Control Act: State law
    fms = "fms"  # Foreign Military Sales: purchaser-funded, not covered
    dcs = "dcs"  # Direct Commercial Sales: purchaser-funded, not covered
    dod = "dod"  # funds made available to the Department of Defense: DoD law
    other = "other"  # neither law's funds


LAW_OF_AUTHORITY = {"faa": "state", "aeca": "state", "fms": "state", "dcs": "state", "dod": "dod", "other": None}
PURCHASER_FUNDED = frozenset({"fms", "dcs"})


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
    dismissed = "dismissed"
    closed = "closed"


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

    @model_validator(mode="after")
    def _has_basis(self):
        if not self.sources and not self.assumption:
            raise ValueError("a fact needs `sources` (at least one) or an `assumption` saying why it has none")
        return self


class Period(Model):
    """A span of days; an open end means 'still true' and an open start 'since before the sources speak'."""

    from_: Date | None = Field(None, alias="from")
    to: Date | None = None

    @model_validator(mode="after")
    def _ordered(self):
        if self.from_ and self.to and self.to < self.from_:
            raise ValueError(f"`to` ({self.to}) is before `from` ({self.from_})")
        return self

    def covers(self, day: dt.date) -> bool:
        return (self.from_ is None or self.from_ <= day) and (self.to is None or day <= self.to)


def _day_or_range(value):
    """`2014-06-30` is shorthand for `{from: 2014-06-30, to: 2014-06-30}`."""
    if isinstance(value, (str, dt.date)):
        return {"from": value, "to": value}
    return value


class DayRange(Model):
    """A day, or the range of days within which it fell (`{from, to}`, both required)."""

    from_: Date = Field(alias="from")
    to: Date

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
    kind: Literal["media", "government", "ngo", "court", "academic", "reference", "other"] = "media"
    reliability: Reliability | None = None
    text: str | None = Field(None, pattern=r"^[A-Za-z0-9._/-]+$",
                             description="path, relative to the case folder, of the source's text shipped with "
                                         "the case; quotes citing this source must be found in it")
    attribution: str | None = None


class ParentLink(Sourced, Period):
    unit: Id
    chain: Chain = Field(Chain.command, validate_default=True)  # validated: the value, not the member


class Unit(Sourced):
    id: Id
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    kind: UnitKind
    echelon: str | None = None
    country: str = Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2 code")
    personnel: int | None = Field(None, ge=0, strict=True)  # strict: `true` is not 1
    parents: list[ParentLink] = Field(default_factory=list)


class Posting(Sourced, Period):
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
    basis: str | None = None
    second_tier: SecondTierReview | None = Field(
        None, description="for second-tier violations: whether the review found the violation gross")

    @model_validator(mode="after")
    def _dated(self):
        if self.status != "pending" and self.on is None:
            raise ValueError("a `credible` or `not-credible` assessment needs the date it was made (`on`)")
        return self


class Information(Sourced):
    """What is alleged about which incident and perpetrator, when it was received and how it was assessed."""

    id: Id
    incident: Id
    summary: str = Field(min_length=1)
    alleges: Refs | None = Field(None, description="the perpetrators this item implicates; "
                                                   "default: the incident's")
    violations: list[Violation] | None = Field(None, description="default: the incident's")
    received: When
    reliability: Reliability | None = None
    corroborated_by: list[Id] = Field(default_factory=list, description="other information items")
    assessment: Assessment


class Investigation(Sourced):
    id: Id
    kind: InvestigationKind
    by: str = Field(min_length=1)
    incident: Id | None = None
    subjects: Refs = Field(default_factory=Refs)
    status: InvestigationStatus
    opened: Date | None = None
    closed: Date | None = None
    description: str | None = None


class Determination(Sourced):
    """A U.S. government determination that can lift or waive a bar (or waive it for one proposal)."""

    id: Id
    kind: DeterminationKind
    unit: Id
    proposal: Id | None = Field(None, description="for an emergency or a waiver: the proposal it is for")
    incidents: list[Id] = Field(default_factory=list,
                                description="for effective or corrective steps: the incidents whose responsible "
                                            "members the steps concern; the exception covers only these")
    made: Date
    reported: Date | None = Field(None, description="when it was reported to the appropriate congressional "
                                                    "committees")
    consulted_state: bool | None = Field(None, description="DoD determinations: made after consulting the "
                                                           "Secretary of State")
    emergency: Emergency | None = None
    circumstances: str | None = None

    @model_validator(mode="after")
    def _consistent(self):
        if self.kind == "dod-emergency" and self.emergency is None:
            raise ValueError("a `dod-emergency` determination needs `emergency` "
                             "(disaster-relief, humanitarian or national-security)")
        if self.kind in ("dod-emergency", "dod-waiver") and self.proposal is None:
            raise ValueError(f"a `{self.kind}` determination is made for one activity: name its `proposal`")
        if self.kind in ("state-effective-steps", "dod-corrective-steps") and not self.incidents:
            raise ValueError(f"a `{self.kind}` determination concerns the members responsible for particular "
                             f"violations: list its `incidents`")
        if self.kind not in ("state-effective-steps", "dod-corrective-steps") and self.incidents:
            raise ValueError(f"`incidents` belongs only to an effective-steps or corrective-steps determination")
        if self.kind != "dod-emergency" and self.emergency is not None:
            raise ValueError("`emergency` belongs only to a `dod-emergency` determination")
        if self.reported and self.reported < self.made:
            raise ValueError(f"`reported` ({self.reported}) is before `made` ({self.made})")
        return self


class Funding(Model):
    authority: Authority
    account: str | None = None

    @property
    def law(self) -> str | None:
        return LAW_OF_AUTHORITY[self.authority]

    @property
    def purchaser_funded(self) -> bool:
        return self.authority in PURCHASER_FUNDED


class Recipients(Refs):
    identified: bool = True
    description: str | None = None

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
    description: str | None = None

    @property
    def law(self) -> str | None:
        return self.funding.law


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


class HypothesisFile(Model):
    """An overlay: entities to add, to replace (same id) and to remove, with a title and a rationale."""

    hypothesis: HypothesisInfo
    add: CaseFile = Field(default_factory=CaseFile)
    replace: CaseFile = Field(default_factory=CaseFile)
    remove: Removals = Field(default_factory=Removals)

    @field_validator("add", "replace")
    @classmethod
    def _no_case_block(cls, value: CaseFile):
        if value.case is not None:
            raise ValueError("a hypothesis cannot add or replace the `case` block")
        return value
