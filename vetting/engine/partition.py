"""Split the facts of one evaluation into parts that durable_rules can decide separately, with the same result.

Graph work only, no legal judgement: which facts can take part in deciding which unit, person and proposal.
durable_rules slows down faster than a session grows and holds about 8 KB per fact, so one session for a
national roster takes minutes and gigabytes; sessions of a few thousand facts are fast and small.

Every unit, person, proposal, information item and determination is *owned* by exactly one part. A part holds
the facts its owned entities can depend on through the rules (their *closure*), so some facts are copied into
several parts (a unit's chain of command and what implicates it, for every part owning units under it):

- a unit: its lineage facts (the units above it on the as-of date) and, for itself and each unit above it,
  what can implicate or lift it (`_direct`: the information alleging it, or a person posted to it, or naming
  it as the force; those items' incident, violations, allegations and every investigation of that incident,
  so a part that lifts a unit's bar with a determination also sees the setbacks that lapse it; the postings
  there of the people alleged; the determinations about it);
- a person: his postings and the closure of every unit he is posted to, the information alleging him;
- a proposal: its recipients, funding and determinations; the closure of each recipient unit and person; each
  recipient unit's commanders and what implicates them personally; and every unit under a recipient unit
  that anything implicates, with its lineage fact to the recipient (a barred unit below opens a task);
- an information item (the task to identify its unit) and a determination (its report tasks): their facts.

The rules are positive (no negation), so a part, holding a subset of the facts, derives only what the whole
derives; and since a part holds every fact any derivation of its owned entities' findings can use, it derives
all of those. Findings are kept by the part owning their subject, lifts and tasks by every part (they merge).
This argument rests on the joins the rules make: `supports(ruleset)` is false, and the caller runs one
session, when the rule set joins facts in a way not listed in `JOINS` or has a fact type this module does not
know. `partition` is a pure function of the facts, so a batch engine (Dask, Ray) could map the parts as they
are (docs/scale.md).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

# (fact type, field, fact type, field): the joins of the shipped rules, each respected by the closures above.
# Review a new join against them before adding it here: the partition is only as exact as this list.
JOINS = frozenset({
    ("addresses", "determination", "determination", "ref"), ("addresses", "incident", "information", "incident"),
    ("alleged_person", "information", "grounds", "information"), ("determination", "made", "context", "as_of"),
    ("determination", "reported", "context", "as_of"), ("determination", "unit", "finding", "subject"),
    ("finding", "subject", "finding", "subject"), ("finding", "subject", "lineage", "unit"),
    ("finding", "subject", "posting", "person"), ("finding", "subject", "posting", "unit"),
    ("finding", "subject", "proposal", "ref"), ("finding", "subject", "recipient_person", "person"),
    ("finding", "subject", "recipient_unit", "unit"), ("gross", "information", "held", "information"),
    ("implicated", "information", "finding", "information"), ("implicated", "information", "grounds", "information"),
    ("implicated", "unit", "finding", "subject"), ("incident", "ref", "information", "incident"),
    ("information", "assessed", "context", "as_of"), ("information", "received", "context", "as_of"),
    ("information", "received_by", "determination", "made"), ("information", "ref", "alleged_person", "information"),
    ("information", "ref", "finding", "information"), ("information", "ref", "grounds", "information"),
    ("information", "ref", "held", "information"), ("investigation", "incident", "information", "incident"),
    ("lineage", "ancestor", "finding", "subject"), ("lineage", "ancestor", "recipient_unit", "unit"),
    ("posting", "from", "context", "as_of"), ("posting", "from", "incident", "end"),
    ("posting", "person", "alleged_person", "person"), ("posting", "person", "implicated", "person"),
    ("posting", "to", "context", "as_of"), ("posting", "to", "incident", "start"),
    ("posting", "unit", "implicated", "unit"), ("posting", "unit", "recipient_unit", "unit"),
    ("proposal", "ref", "determination", "proposal"), ("proposal", "ref", "recipient_person", "proposal"),
    ("proposal", "ref", "recipient_unit", "proposal"), ("unposted", "person", "recipient_person", "person"),
    # the law update of issue 9, reviewed: every part holds the context, so comparisons with the as-of date hold
    # wherever their fact is; a proposal's funding facts go with the proposal
    ("determination", "revoked", "context", "as_of"), ("investigation", "on", "context", "as_of"),
    ("proposal", "agreement", "context", "as_of"), ("proposal", "list_given", "context", "as_of"),
    ("funding", "proposal", "proposal", "ref"),
    # an information item's facts (itself, violations, allegations) travel together, so what is derived from
    # them (`available`, `held`, `gross`) meets them in every part holding the item
    ("alleged_unit", "information", "held", "information"), ("available", "information", "information", "ref"),
    ("gross", "information", "information", "ref"), ("violation", "information", "held", "information"),
    # a lapse: the investigations of an item's incident go with the item, and the unit's determinations with
    # the unit, in every part where a direct finding on the unit can be lifted
    ("investigation", "on", "determination", "made"),
})
FACT_TYPES = frozenset({"context", "unit", "lineage", "person", "unposted", "posting", "incident", "information",
                        "violation", "alleged_unit", "alleged_person", "investigation", "determination",
                        "addresses", "proposal", "funding", "recipient_unit", "recipient_person"})


def joins_of(definition: dict) -> set:
    """The (type, field, type, field) joins of a compiled durable_rules definition."""
    joins = set()
    for rule in definition.values():
        types = {}
        for pattern in rule["all"]:
            (alias, condition), = pattern.items()
            terms = condition.get("$and", [condition])
            kind = next((t["t"] for t in terms if "t" in t), None)
            types[alias] = kind
            for term in terms:
                (op, arg), = term.items()
                field, value = next(iter(arg.items())) if op.startswith("$") else (op, arg)
                if isinstance(value, dict):
                    (other, other_field), = value.items()
                    joins.add((kind, field, types.get(other, other), other_field))
    return joins


def supports(definition: dict, fact_types) -> bool:
    """Whether partitioning is exact for this rule set and these input fact types."""
    if any("$not" in alias for rule in definition.values() for p in rule["all"] for alias in p):
        return False  # a negation can hold in a part and fail in the whole
    return joins_of(definition) <= JOINS and set(fact_types) <= FACT_TYPES


@dataclass
class Part:
    facts: list  # indices into the facts, ascending
    owned: frozenset  # ids of the units, people and proposals whose findings this part decides
    inherited: int = 0  # an upper estimate of the findings its units inherit from units above them
    placed: tuple = ()  # (kind, id) of every entity placed in it: units, people, proposals, items, determinations


class _Index:
    """Where each fact is, by the ids it mentions."""

    def __init__(self, facts: list[dict]):
        self.context: list[int] = []
        self.unit: dict = {}
        self.lineage: dict = {}  # unit -> [(index, ancestor)]
        self.person: dict = {}
        self.person_facts: dict = {}  # person -> [index] (person, unposted, postings)
        self.postings_at: dict = {}  # unit -> [(index, person, role)]
        self.postings_of: dict = {}  # person -> [unit]
        self.incident: dict = {}  # incident -> (index, force)
        self.investigations: dict = {}  # incident -> [index]
        self.item: dict = {}  # information -> [index] (information, violations, allegations)
        self.item_incident: dict = {}
        self.alleged_units: dict = {}
        self.alleged_people: dict = {}
        self.alleging: dict = {}  # person -> [information]
        self.determination: dict = {}  # determination -> [index] (itself and what it addresses)
        self.determinations_of_unit: dict = {}
        self.determination_unit: dict = {}
        self.determinations_of_proposal: dict = {}
        self.proposal: dict = {}  # proposal -> [index] (itself, its funding and its recipients)
        self.recipient_units: dict = {}
        self.recipient_people: dict = {}
        for i, f in enumerate(facts):
            t = f["t"]
            if t == "context":
                self.context.append(i)
            elif t == "unit":
                self.unit[f["ref"]] = i
            elif t == "lineage":
                self.lineage.setdefault(f["unit"], []).append((i, f["ancestor"]))
            elif t == "person":
                self.person_facts.setdefault(f["ref"], []).append(i)
            elif t == "unposted":
                self.person_facts.setdefault(f["person"], []).append(i)
            elif t == "posting":
                self.person_facts.setdefault(f["person"], []).append(i)
                self.postings_at.setdefault(f["unit"], []).append((i, f["person"], f["role"]))
                self.postings_of.setdefault(f["person"], []).append(f["unit"])
            elif t == "incident":
                self.incident[f["ref"]] = (i, f["force"])
            elif t == "investigation":
                self.investigations.setdefault(f["incident"], []).append(i)
            elif t == "information":
                self.item.setdefault(f["ref"], []).append(i)
                self.item_incident[f["ref"]] = f["incident"]
            elif t == "violation":
                self.item.setdefault(f["information"], []).append(i)
            elif t == "alleged_unit":
                self.item.setdefault(f["information"], []).append(i)
                self.alleged_units.setdefault(f["information"], []).append(f["unit"])
            elif t == "alleged_person":
                self.item.setdefault(f["information"], []).append(i)
                self.alleged_people.setdefault(f["information"], []).append(f["person"])
                self.alleging.setdefault(f["person"], []).append(f["information"])
            elif t == "determination":
                self.determination.setdefault(f["ref"], []).append(i)
                self.determinations_of_unit.setdefault(f["unit"], []).append(f["ref"])
                self.determination_unit[f["ref"]] = f["unit"]
                if f["proposal"]:
                    self.determinations_of_proposal.setdefault(f["proposal"], []).append(f["ref"])
            elif t == "addresses":
                self.determination.setdefault(f["determination"], []).append(i)
            elif t == "proposal":
                self.proposal.setdefault(f["ref"], []).append(i)
            elif t == "funding":
                self.proposal.setdefault(f["proposal"], []).append(i)
            elif t == "recipient_unit":
                self.proposal.setdefault(f["proposal"], []).append(i)
                self.recipient_units.setdefault(f["proposal"], []).append(f["unit"])
            elif t == "recipient_person":
                self.proposal.setdefault(f["proposal"], []).append(i)
                self.recipient_people.setdefault(f["proposal"], []).append(f["person"])
            else:
                raise ValueError(f"no partition rule for facts of type `{t}`")
        # what can implicate each unit: information alleging it, alleging a person posted to it, naming it a force
        self.implicating: dict = {}
        for item, units in self.alleged_units.items():
            for unit in units:
                self.implicating.setdefault(unit, set()).add(item)
        for item, people in self.alleged_people.items():
            for person in people:
                for unit in self.postings_of.get(person, ()):
                    self.implicating.setdefault(unit, set()).add(item)
        for item, incident in self.item_incident.items():
            force = self.incident[incident][1] if incident in self.incident else ""
            if force:
                self.implicating.setdefault(force, set()).add(item)
        self.ancestors = {unit: [a for _, a in pairs] for unit, pairs in self.lineage.items()}
        # each unit that anything implicates, under each unit above it (for the task about barred units below)
        self.implicable_below: dict = {}
        for unit in self.implicating:
            for index, ancestor in self.lineage.get(unit, ()):
                self.implicable_below.setdefault(ancestor, []).append((unit, index))

    def entities(self) -> list[tuple[str, str]]:
        """Every entity a part can be given, as (kind, id)."""
        return ([("unit", u) for u in self.unit] + [("person", p) for p in self.person_facts]
                + [("proposal", p) for p in self.proposal] + [("item", i) for i in self.item_incident]
                + [("determination", d) for d in self.determination])

    def inherited(self, unit: str) -> int:
        """An upper estimate of the findings `unit` inherits: per law, one per item implicating it or a unit above."""
        implicating = self.implicating
        return 2 * sum(len(implicating.get(a, ())) for a in [unit, *self.ancestors.get(unit, ())])

    def item_facts(self, item: str) -> list[int]:
        out = list(self.item.get(item, ()))
        incident = self.item_incident.get(item)
        if incident in self.incident:
            out.append(self.incident[incident][0])
        out.extend(self.investigations.get(incident, ()))  # a setback can lapse a lift, with or without the incident
        return out


class _Builder:
    """One part being filled: the facts it needs, and which closures it already holds."""

    def __init__(self, index: _Index):
        self.x = index
        self.facts: set = set(index.context)
        self.owned: set = set()
        self.direct_done: set = set()
        self.status_done: set = set()
        self.person_done: set = set()
        self.items_done: set = set()
        self.inherited = 0  # findings the owned units may inherit: sessions are bounded by these too
        self.placed: list = []

    def place(self, kind: str, entity: str) -> None:
        self.placed.append((kind, entity))
        getattr(self, _ADDERS[kind])(entity)

    @property
    def size(self) -> int:
        return len(self.facts) + self.inherited

    def item(self, item: str) -> None:
        if item not in self.items_done:
            self.items_done.add(item)
            self.facts.update(self.x.item_facts(item))

    def direct(self, unit: str) -> None:
        """What can implicate `unit` itself, or lift or annotate its findings."""
        if unit in self.direct_done:
            return
        self.direct_done.add(unit)
        x = self.x
        if unit in x.unit:
            self.facts.add(x.unit[unit])
        items = x.implicating.get(unit, ())
        alleged = set()
        for item in items:
            self.item(item)
            alleged.update(x.alleged_people.get(item, ()))
        if alleged:
            self.facts.update(i for i, person, _ in x.postings_at.get(unit, ()) if person in alleged)
        for det in x.determinations_of_unit.get(unit, ()):
            self.facts.update(x.determination[det])

    def status(self, unit: str) -> None:
        """Everything a unit's findings can rest on: itself and every unit above it on the date."""
        if unit in self.status_done:
            return
        self.status_done.add(unit)
        self.direct(unit)
        for index, ancestor in self.x.lineage.get(unit, ()):
            self.facts.add(index)
            self.direct(ancestor)

    def own_implication(self, person: str) -> None:
        for item in self.x.alleging.get(person, ()):
            self.item(item)

    def person(self, person: str) -> None:
        if person in self.person_done:
            return
        self.person_done.add(person)
        self.facts.update(self.x.person_facts.get(person, ()))
        self.own_implication(person)
        for unit in self.x.postings_of.get(person, ()):
            self.status(unit)

    def add_unit(self, unit: str) -> None:
        self.owned.add(unit)
        self.status(unit)
        self.inherited += self.x.inherited(unit)

    def add_person(self, person: str) -> None:
        self.owned.add(person)
        self.person(person)

    def add_proposal(self, proposal: str) -> None:
        x = self.x
        self.owned.add(proposal)
        self.facts.update(x.proposal[proposal])
        for det in x.determinations_of_proposal.get(proposal, ()):
            self.facts.update(x.determination[det])
        for unit in x.recipient_units.get(proposal, ()):
            self.status(unit)
            for index, person, role in x.postings_at.get(unit, ()):
                if role == "commander":
                    self.facts.add(index)
                    self.facts.update(x.person_facts.get(person, ()))
                    self.own_implication(person)
            for below, index in x.implicable_below.get(unit, ()):
                self.facts.add(index)
                self.direct(below)
        for person in x.recipient_people.get(proposal, ()):
            self.person(person)

    def add_item(self, item: str) -> None:
        self.item(item)

    def add_determination(self, det: str) -> None:
        self.facts.update(self.x.determination[det])


_ADDERS = {"unit": "add_unit", "person": "add_person", "proposal": "add_proposal", "item": "add_item",
           "determination": "add_determination"}


def partition(facts: list[dict], target: int = 4000) -> list[Part]:
    """Parts of about `target` facts and inherited findings each (more when one entity's closure is bigger), in
    a fixed order."""
    return _partition(_Index(facts), target)


def _partition(x: _Index, target: int, only=None) -> list[Part]:
    """The parts of the entities in `only` ((kind, id) pairs; every entity when None)."""
    def wanted(kind, entity):
        return only is None or (kind, entity) in only

    # units in the order of a walk down the hierarchy, so that a part owns whole subtrees and shares their halo
    units = sorted(x.unit, key=lambda u: (tuple(reversed(x.ancestors.get(u, ()))), u))
    home: dict = {}  # unit -> entities placed with it
    for person in sorted(x.person_facts):
        posted = x.postings_of.get(person)
        home.setdefault(posted[0] if posted else None, []).append(("person", person))
    for proposal in sorted(x.proposal):
        recipients = x.recipient_units.get(proposal) or [
            u for p in x.recipient_people.get(proposal, ()) for u in x.postings_of.get(p, ())[:1]]
        home.setdefault(recipients[0] if recipients else None, []).append(("proposal", proposal))
    for item in sorted(x.item_incident):
        alleged = x.alleged_units.get(item) or [None]
        home.setdefault(alleged[0], []).append(("item", item))
    for det in sorted(x.determination):
        home.setdefault(x.determination_unit.get(det), []).append(("determination", det))
    parts: list[Part] = []
    builder = _Builder(x)

    def close():
        nonlocal builder
        if builder.placed:
            parts.append(Part(sorted(builder.facts), frozenset(builder.owned), builder.inherited,
                              tuple(builder.placed)))
        builder = _Builder(x)

    leftover = sorted(set(home) - set(units) - {None})  # entities placed with a unit the facts do not list
    # parts also end every `block` units, so that a change (a hypothesis) moves no boundary outside its blocks
    # and the parts of the rest of the roster stay the same (not needed for the parts of a few entities)
    block = max(1, target // 20) if only is None else None
    for number, unit in enumerate(units + leftover + [None]):
        if unit in x.unit and wanted("unit", unit):
            builder.place("unit", unit)
        for kind, entity in home.get(unit, ()):
            if wanted(kind, entity):
                builder.place(kind, entity)
                if builder.size >= target:
                    close()
        if builder.size >= target or (block and (number + 1) % block == 0):
            close()
    close()
    return parts


def closure(x: _Index, kind: str, entity: str) -> set:
    """The facts (indices) one entity's findings can depend on."""
    builder = _Builder(x)
    builder.place(kind, entity)
    return builder.facts


@dataclass
class Replan:
    """How to decide a variant of facts already decided in parts: which of those parts' results it keeps, and
    the new parts to decide."""

    kept: list  # indices of the earlier parts whose results hold for the variant
    parts: list  # new parts, over the variant's facts
    inherited: int  # as `sum(p.inherited for p in partition(variant))`, for the same bound


def replan(before: list[dict], parts: list[Part], after: list[dict], target: int = 4000) -> Replan:
    """The parts of `after` (the facts of a variant of the case) that need deciding, given `parts` of `before`.

    Exact because the rules are positive and each part holds the closures of what it owns (the module's
    argument), by two routes:

    - `after` only adds facts: every result of every earlier part still holds (a subset of the facts derives
      a subset of the whole), and an entity whose closure in `after` holds no added fact has a closure within
      `before` too, so its findings are the same in both. Only the entities whose closure holds an added fact
      are decided again, in new parts; a part of `after` made of the other entities would hold facts of
      `before` only, so what it derives the earlier parts derived.
    - otherwise: an earlier part is kept whole when all its facts are still in `after` and the closures in
      `after` of the entities placed in it are still within them (its session is then a valid part of `after`,
      with the same facts and results); the entities of every other part, and new ones, go into new parts.
    """
    x = _Index(after)
    inherited = sum(x.inherited(unit) for unit in x.unit)
    before_keys = [tuple(f.items()) for f in before]  # facts of `facts.build` have fixed fields: exact content
    after_keys = [tuple(f.items()) for f in after]
    before_count, after_count = Counter(before_keys), Counter(after_keys)
    if all(after_count[key] == n for key, n in before_count.items()):
        added = {i for i, key in enumerate(after_keys) if key not in before_count}
        reached = {e for e in x.entities() if not added.isdisjoint(closure(x, *e))} if added else set()
        return Replan(list(range(len(parts))), _partition(x, target, reached) if reached else [], inherited)
    entities = set(x.entities())
    kept, taken = [], set()
    for number, part in enumerate(parts):
        held = {before_keys[i] for i in part.facts}
        if not all(key in after_count for key in held) or not all(e in entities for e in part.placed):
            continue
        builder = _Builder(x)
        for entity in part.placed:
            builder.place(*entity)
        if all(after_keys[i] in held for i in builder.facts):
            kept.append(number)
            taken.update(part.placed)
    rest = entities - taken
    return Replan(kept, _partition(x, target, rest) if rest else [], inherited)
