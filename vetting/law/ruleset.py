"""Rule files: validate them and compile them into durable_rules rulesets.

A rule file is data (see docs/rules.md): each rule states one legal proposition with its citation, the facts
it needs (`when`, one pattern per fact, joined by references such as `held.information`) and one conclusion
(`then`: derive a fact, conclude a finding, or open a task). No code: the compiler turns `when` into
durable_rules' JSON conditions and `then` into one of three fixed actions, bound by name.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError, model_validator

from vetting import facts as factlib
from vetting import safeyaml
from vetting.case.schema import Date, Model, Period
from vetting.errors import InputError, did_you_mean, field_path

LAWS = ("state", "dod")
EFFECTS = {
    "bar": "credible information of a gross violation: no assistance (a proposal: rejected)",
    "suspend": "assistance held pending the assessment or review of information, or the identification of the unit",
    "hold": "a proposal held because its recipients (or a recipient's unit) are not identified: a gap in the data, "
            "not a human-rights finding",
    "lift": "an exception lifts a bar or a suspension",
    "lapse": "an exception no longer lifts the ground (the government stopped taking effective steps)",
    "covered": "the law covers this assistance",
    "not-covered": "the law does not cover this assistance",
    "except": "an exception lets the proposal go ahead",
    "waive": "the prohibition is waived for this proposal",
    "note": "explains, changes nothing",
}
OPERATORS = {"at_most": "$lte", "at_least": "$gte", "before": "$lt", "after": "$gt", "not": "$neq"}
_REF = re.compile(r"^([a-z_][a-z0-9_]*)\.([a-z_][a-z0-9_]*)$")
_ALIAS = re.compile(r"^[a-z_][a-z0-9_]*$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")  # \d: any script's digits, told apart in `literal`
RESERVED = {"as_of", "law"}
DEFAULT_RULES = Path(__file__).resolve().parents[2] / "rules"
READINGS = "readings"  # the rule folder's subfolder of other readings of the law (docs/rules.md, "Readings")
MAX_ALTERNATIVES = 256  # durable rules one rule may expand into (the shipped rules: at most 4)
MAX_PATTERNS = 500  # patterns on one type of fact in the whole rule set (see _Compiler.check_patterns)
MAX_COMPARISONS = 50  # different comparisons with a literal on one type of fact (durable fails at about 64)


class Wording(Model):
    """A provision as it read until a day: an earlier text, where the law was amended since."""
    until: Date = Field(description="the last day this wording was the law")
    enacted_by: str = Field(min_length=1, description="the act that made this wording law, with its date")
    code: str | None = None
    section: str | None = None
    subsection: str | None = None
    title: str | None = None
    url: str | None = Field(None, pattern=r"^https?://\S+$")
    text: str | None = None
    note: str | None = None


class Citation(Model):
    code: str = Field(min_length=1)
    section: str = Field(min_length=1)
    subsection: str | None = None
    title: str = Field(min_length=1)
    url: str = Field(pattern=r"^https?://\S+$")
    law: str | None = Field(None, description="state, dod, or none for a policy source")
    text: str | None = Field(None, description="the provision, paraphrased or quoted, for readers")
    note: str | None = None
    earlier: list[Wording] = Field([], description="earlier wordings of the provision, oldest first")

    @model_validator(mode="after")
    def _in_order(self):
        days = [w.until for w in self.earlier]
        if days != sorted(set(days)):
            raise ValueError("the earlier wordings go oldest first, each ending on its own day")
        return self

    def label(self) -> str:
        return " ".join(p for p in (self.code, self.section + (self.subsection or "")) if p)

    def on(self, day: dt.date) -> "Citation":
        """The provision as it read on `day`: a report cites the law then in force, not today's wording."""
        for wording in self.earlier:
            if day <= wording.until:
                changed = wording.model_dump(exclude_none=True, exclude={"until", "enacted_by"})
                note = f"The wording in force until {wording.until.isoformat()}, enacted by {wording.enacted_by}."
                changed["note"] = f"{note} {changed['note']}" if "note" in changed else note
                return self.model_copy(update={**changed, "earlier": []})
        return self


class CitationsFile(Model):
    citations: dict[str, Citation]


class Then(Model):
    derive: dict[str, Any] | None = None
    finding: dict[str, Any] | None = None
    task: dict[str, Any] | None = None


class Rule(Model):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str = Field(min_length=1)
    says: str = Field(min_length=1, description="the proposition in one plain sentence")
    citation: dict[str, str] = Field(min_length=1, description="law (state, dod) -> citation id")
    effective: Period | None = None  # the dates the proposition was law
    when: dict[str, dict[str, Any]] = Field(min_length=1)
    then: Then
    notes: str | None = None


class RuleFile(Model):
    rules: list[Rule]


class RuleSetInfo(Model):
    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    version: str = Field(min_length=1)
    title: str = Field(min_length=1)
    description: str | None = None


class RuleSetFile(Model):
    ruleset: RuleSetInfo


class Patch(Model):
    rule: str = Field(min_length=1)
    set: dict[str, Any] = Field({}, description="dotted path in the rule (`when.finding.via`) -> its new value")
    unset: list[str] = Field([], description="dotted paths to take out of the rule")


class Reading(Model):
    """Another reading of a contestable point of the law: the rule set with some rules dropped, patched or added."""
    name: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str = Field(min_length=1)
    says: str = Field(min_length=1, description="what this reading holds, against the rule set's own")
    sources: list[str] = Field(min_length=1, description="citation ids of the rule set: why the point is contestable")
    notes: str | None = None
    drop: list[str] = []
    patch: list[Patch] = []
    add: list[Rule] = []


class ReadingFile(Model):
    reading: Reading


@dataclass(frozen=True)
class RuleSet:
    info: RuleSetInfo
    rules: tuple  # Rule, in file order
    citations: dict
    sha256: str
    definition: dict  # durable_rules JSON rules
    actions: dict  # action name -> callable(c, emit)
    files: dict  # rule id -> file path
    folder: str | None = None  # as given; None for the project's own rules/
    hashes: tuple = ()  # (file name, sha256) of every file read, for a report to record
    readings: tuple = ()  # (path from the folder, Reading), in the order applied

    @property
    def engine_name(self) -> str:
        """One durable_rules ruleset name per rule-set version and content: versions coexist, never clash."""
        return f"{self.info.name}_{re.sub(r'[^a-z0-9]', '_', self.info.version.lower())}_{self.sha256[:12]}"

    @property
    def label(self) -> str:
        """`name version`, and the readings it is read with: how a report names the law it applied."""
        read = f", read as {' + '.join(r.name for _, r in self.readings)}" if self.readings else ""
        return f"{self.info.name} {self.info.version}{read}"

    def rule(self, rule_id: str) -> Rule:
        return next(r for r in self.rules if r.id == rule_id)


# ---------------------------------------------------------------- loading


def _parse(path: Path, model):
    from vetting.case.load import pydantic_error

    doc = safeyaml.load(path)
    if not isinstance(doc.data, dict):
        raise InputError("expected a mapping at the top of the file", file=str(path), line=doc.line(()))
    try:
        return doc, model.model_validate(doc.data)
    except ValidationError as err:
        raise pydantic_error(err, doc, model) from None


_CACHE: dict = {}


def reading_path(folder, name) -> Path:
    """The file of reading `name`: `<rule folder>/readings/<name>.yaml`, or `name` itself if it is a YAML path."""
    from vetting.case.load import is_yaml

    if is_yaml(Path(name)):
        return Path(name)
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", name):
        raise InputError(f"`{name}` is neither the name of a reading nor a `.yaml` file", field="--reading")
    path = Path(folder or DEFAULT_RULES) / READINGS / f"{name}.yaml"
    if not path.is_file():
        shipped = sorted(p.stem for p in path.parent.glob("*.yaml")) if path.parent.is_dir() else []
        raise InputError(f"the rule set has no reading `{name}`", file=str(path.parent), field="--reading",
                         hint=did_you_mean(name, shipped) or
                         (f"its readings: {', '.join(shipped)}" if shipped else "it has no `readings/` folder"))
    return path


def load_ruleset(folder=None, readings=()) -> RuleSet:
    """Load, check and compile the rule set in `folder` (default: the project's `rules/`), read as the
    `readings` say (names of files in its `readings/` folder, or paths), applied in order."""
    given = str(folder) if folder else None
    folder = Path(folder or DEFAULT_RULES)
    if not folder.is_dir():
        raise InputError("a rule set is a folder, and this is a file" if folder.exists() else
                         "no such rule-set folder", file=str(folder))
    from vetting.case.load import check_folder, ignored, is_yaml

    # every file read or refused: a renamed rule file never narrows the law unseen; readings are read on request
    check_folder(folder, "rule", known=(READINGS,))
    files = sorted(p for p in folder.iterdir() if is_yaml(p) and not ignored(p) and not p.is_dir())
    reading_files = [reading_path(given, name) for name in readings]
    digest, hashes = hashlib.sha256(), []
    for path in files + reading_files:
        raw = safeyaml.read_bytes(path)
        name = path.name if path in files else Path(os.path.relpath(path, folder)).as_posix()
        digest.update(name.encode("utf-8", "surrogateescape") + b"\0" + raw + b"\0")
        hashes.append((name, hashlib.sha256(raw).hexdigest()))
    sha = digest.hexdigest()
    if (folder.resolve(), sha) in _CACHE:
        cached = _CACHE[folder.resolve(), sha]
        return cached if cached.folder == given else replace(cached, folder=given)
    head = folder / "ruleset.yaml"
    cites = folder / "citations.yaml"
    for needed in (head, cites):
        if not needed.exists():
            raise InputError(f"the rule set needs `{needed.name}`", file=str(folder))
    _, info = _parse(head, RuleSetFile)
    _, citations = _parse(cites, CitationsFile)
    rules, where = [], {}
    for path in files:
        if path in (head, cites):
            continue
        doc, parsed = _parse(path, RuleFile)
        for index, rule in enumerate(parsed.rules):
            if rule.id in where:
                raise InputError(f"the rule id `{rule.id}` is used twice", file=str(path),
                                 line=doc.line(("rules", index, "id")), field=f"rules[{index}].id",
                                 hint=f"first in {where[rule.id][0].path}")
            where[rule.id] = (doc, ("rules", index))
            rules.append(rule)
    if not rules:
        raise InputError("the rule set has no rules", file=str(folder))
    applied = []
    for path in reading_files:
        rules, reading = _read_as(path, rules, where, citations.citations)
        applied.append((Path(os.path.relpath(path, folder)).as_posix(), reading))
    compiled = _Compiler(rules, citations.citations, where).compile()
    ruleset = RuleSet(info.ruleset, tuple(rules), citations.citations, sha, compiled[0], compiled[1],
                      {r.id: where[r.id][0].path for r in rules}, given, tuple(hashes), tuple(applied))
    _CACHE[folder.resolve(), sha] = ruleset
    return ruleset


def _read_as(path: Path, rules: list, where: dict, citations: dict) -> tuple[list, Reading]:
    """`rules` as the reading in `path` has them: its `drop`ped rules out, its `patch`es made in place, its
    `add`ed rules last. Each id it names must be (or, to add, must not be) a rule of the set."""
    doc, parsed = _parse(path, ReadingFile)
    reading = parsed.reading

    def fail(loc, message, hint=None):
        raise InputError(message, file=str(path), line=doc.line(("reading",) + loc),
                         field=field_path(("reading",) + loc), hint=hint)

    if path.stem != reading.name:
        fail(("name",), f"a reading's name is its file's name, `{path.stem}`")
    if not (reading.drop or reading.patch or reading.add):
        fail((), "a reading changes the rule set: give `drop`, `patch` or `add`")
    for i, cited in enumerate(reading.sources):
        if cited not in citations:
            fail(("sources", i), f"`{cited}` is not a citation of the rule set",
                 hint=did_you_mean(cited, sorted(citations)))
    by_id = {rule.id: rule for rule in rules}
    named = set()
    for part, given in (("drop", reading.drop), ("patch", [p.rule for p in reading.patch]),
                        ("add", [r.id for r in reading.add])):
        for i, rule_id in enumerate(given):
            loc = (part, i) + {"drop": (), "patch": ("rule",), "add": ("id",)}[part]
            if rule_id in named:
                fail(loc, f"the reading names the rule `{rule_id}` twice")
            named.add(rule_id)
            if (rule_id in by_id) == (part == "add"):
                fail(loc, f"the rule set already has a rule `{rule_id}`" if part == "add" else
                     f"the rule set has no rule `{rule_id}` to {part}", hint=did_you_mean(rule_id, sorted(by_id)))
    for i, patch in enumerate(reading.patch):
        by_id[patch.rule] = _patched(by_id[patch.rule], patch, lambda loc, m, i=i: fail(("patch", i) + loc, m))
        where[patch.rule] = (doc, ("reading", "patch", i))
    for i, rule in enumerate(reading.add):
        where[rule.id] = (doc, ("reading", "add", i))
    kept = [by_id[rule.id] for rule in rules if rule.id not in reading.drop]
    return kept + list(reading.add), reading


def _patched(rule: Rule, patch: Patch, fail) -> Rule:
    """`rule` with the patch's dotted paths set or taken out; every step but the last must already be there.
    Paths are spelled as in a rule file (`effective.from`, not the model's `from_`)."""
    data = rule.model_dump(by_alias=True, exclude_none=True)
    for part, paths in (("set", list(patch.set)), ("unset", patch.unset)):
        for path in paths:
            *steps, last = path.split(".")
            node = data
            for step in steps:
                node = node.get(step) if isinstance(node, dict) else None
            if not isinstance(node, dict) or (part == "unset" and last not in node):
                fail((part, path) if part == "set" else (part, paths.index(path)),
                     f"the rule `{rule.id}` has no `{path}`" if part == "unset" or node is None else
                     f"`{'.'.join(steps)}` of the rule `{rule.id}` is not a mapping")
            if part == "set":
                node[last] = patch.set[path]
            else:
                del node[last]
    try:
        return Rule.model_validate(data)
    except ValidationError as err:
        problem = err.errors()[0]
        fail(("set",), f"the patched rule `{rule.id}` is not a rule: {'.'.join(map(str, problem['loc']))}: "
                       f"{problem['msg'].lower()}")


# ---------------------------------------------------------------- compiling


class _Compiler:
    def __init__(self, rules, citations, where):
        self.rules = rules
        self.rules_by_id = {rule.id: rule for rule in rules}
        self.citations = citations
        self.where = where
        self.fields = {t: set(f) for t, f in factlib.FACT_FIELDS.items()}
        # derived fact types and their fields come from the templates that make them
        self.fields["finding"] = {"rule", "law", "citation", "about", "subject", "effect", "ground", "because"}
        self.fields["task"] = {"rule", "law", "citation", "kind", "subject", "due"}
        for rule in rules:
            if rule.then.derive:
                kind = rule.then.derive.get("type")
                if isinstance(kind, str):
                    self.fields.setdefault(kind, {"rule"}).update(k for k in rule.then.derive if k != "type")
            for part in ("finding", "task"):
                template = getattr(rule.then, part)
                if template:
                    self.fields[part].update(template)
        self.values = self.field_values()

    def field_values(self) -> dict:
        """(fact type, field) -> the values it can hold, or None for any (ids, dates, lists).

        Case facts: from the case format (facts.FACT_VALUES). A finding's `about`, `effect`, `law`, `rule` and
        `citation`: what the compiler allows there. Every other field of a concluded fact: what the rules'
        templates put there -- a literal, `law`, or the values of the field a reference names -- to a fixpoint,
        since one derived fact is made from another.
        """
        values = {(kind, key): None for kind, keys in self.fields.items() for key in keys}
        values.update(factlib.FACT_VALUES)
        fixed = {("finding", "about"): frozenset({"unit", "person", "proposal"}),
                 ("finding", "effect"): frozenset(EFFECTS), ("finding", "law"): frozenset(LAWS),
                 ("task", "law"): frozenset(LAWS)}
        for kind in ("finding", "task"):
            fixed[kind, "rule"] = frozenset(rule.id for rule in self.rules if getattr(rule.then, kind) is not None)
            fixed[kind, "citation"] = frozenset(self.citations)
        values.update(fixed)
        templates = []  # (kind, key, spec, rule) of every field a rule concludes
        for rule in self.rules:
            if rule.then.derive and isinstance(rule.then.derive.get("type"), str):
                kind = rule.then.derive["type"]
                templates += [(kind, k, v, rule) for k, v in rule.then.derive.items() if k != "type"]
            for kind in ("finding", "task"):
                templates += [(kind, k, v, rule) for k, v in (getattr(rule.then, kind) or {}).items()]
        concluded = {(kind, key) for kind, key, _, _ in templates} - set(fixed)
        for key in concluded:
            values[key] = frozenset()
        changed = True
        while changed:
            changed = False
            for kind, key, spec, rule in templates:
                if (kind, key) not in concluded or values[kind, key] is None:
                    continue
                given = self.template_values(rule, spec, values)
                grown = None if given is None else values[kind, key] | given
                if grown != values[kind, key]:
                    values[kind, key] = grown
                    changed = True
        return values

    def template_values(self, rule, spec, values):
        """The values one template field can put in a fact (None: any)."""
        if isinstance(spec, (list, dict)) or spec == "as_of":
            return None
        if spec == "law":
            return frozenset(rule.citation)
        if isinstance(spec, str) and _REF.match(spec):
            alias, field = _REF.match(spec).groups()
            kind = rule.when.get(alias, {}).get("type")
            return values.get((kind, field)) if isinstance(kind, str) else None
        return frozenset({spec}) if isinstance(spec, (str, bool)) else None

    def check_literal(self, rule, loc, kind, key, value):
        """A literal compared with a field must be a value the field can hold: a misspelling matches nothing."""
        shown = str(value).lower() if isinstance(value, bool) else value
        if (kind, key) in factlib.DATE_FIELDS:
            if not (isinstance(value, str) and _DATE.match(value)):
                self.fail(rule, loc, f"`{key}` of a `{kind}` fact is a date, and `{shown}` is not",
                          hint="compare it with a date written `YYYY-MM-DD`, with `as_of`, or with another date "
                               "field")
            return
        allowed = self.values.get((kind, key))
        if allowed is None or any(type(v) is type(value) and v == value for v in allowed):
            return
        choices = sorted(str(v).lower() if isinstance(v, bool) else str(v) for v in allowed)
        self.fail(rule, loc, f"`{shown}` is never the `{key}` of a `{kind}` fact",
                  hint=did_you_mean(str(shown), choices) or
                  (f"one of: {', '.join(f'`{c}`' for c in choices)}" if choices else "no rule concludes one"))

    def fail(self, rule, loc, message, hint=None):
        doc, at = self.where[rule.id]
        full = at + tuple(loc)
        raise InputError(f"rule `{rule.id}`: {message}", file=doc.path, line=doc.line(full),
                         field=field_path(full), hint=hint)

    def compile(self):
        definition, actions = {}, {}
        for rule in self.rules:
            self.check_meta(rule)
            for law in rule.citation:
                name = f"{rule.id}@{law}"
                combos = self.alternatives(rule, law)
                for i, combo in enumerate(combos):
                    definition[name if len(combos) == 1 else f"{name}#{i}"] = {"all": combo, "run": name}
                actions[name] = self.action(rule, law)
        self.check_patterns(definition)
        for kind in sorted(self.fields):  # a sink rule per type: durable rejects facts no rule can match
            definition[f"sink@{kind}"] = {"all": [{"m": {"t": kind}}, {"n": {"t": "__never__"}}],
                                          "run": "sink"}
        actions["sink"] = lambda c, emit: None
        return definition, actions

    def check_patterns(self, definition):
        """durable_rules keeps the tests under one node in a table of 512 and loops for ever on the 512th: refuse a
        rule set with more patterns on one type of fact than that (the shipped one has at most 45)."""
        per_kind: dict = {}
        compared: dict = {}  # kind -> {(operator, field, literal): rule id}: its list of such tests holds 128
        for name, compiled in definition.items():
            for pattern in compiled["all"]:
                (test,) = pattern.values()
                terms = test.get("$and", [test])
                kind = next(t["t"] for t in terms if "t" in t)
                per_kind.setdefault(kind, []).append(name.split("@")[0])
                for term in terms:
                    (op, arg), = term.items()
                    if op in ("$lt", "$lte", "$gt", "$gte", "$neq") and not isinstance(*arg.values(), dict):
                        compared.setdefault(kind, {})[(op, *arg.items())] = name.split("@")[0]
        for kind, tests in compared.items():
            if len(tests) > MAX_COMPARISONS:
                rule = self.rules_by_id[list(tests.values())[-1]]
                self.fail(rule, ("when",), f"the rule set compares `{kind}` facts with {len(tests)} different values "
                                           f"(`at_least`, `at_most`, `before`, `after`, `not`), more than the "
                                           f"{MAX_COMPARISONS} durable_rules can hold",
                          hint="compare with a field of another fact, or use fewer different values")
        for kind, rules in per_kind.items():
            if len(rules) > MAX_PATTERNS:
                biggest = max(dict.fromkeys(rules), key=rules.count)  # ties: the first rule, not hash order
                self.fail(self.rules_by_id[biggest], ("when",),
                          f"the rule set matches `{kind}` facts in {len(rules):,} patterns once `one_of` and `any` "
                          f"are expanded, more than the {MAX_PATTERNS} durable_rules can hold",
                          hint=f"this rule has {rules.count(biggest):,} of them: split or shorten its `one_of` lists")

    def check_meta(self, rule):
        for law, cite in rule.citation.items():
            if law not in LAWS:
                self.fail(rule, ("citation", law), f"`{law}` is not a law of this engine",
                          hint=f"one of: {', '.join(LAWS)}")
            if cite not in self.citations:
                self.fail(rule, ("citation", law), f"`{cite}` is not in citations.yaml",
                          hint=did_you_mean(cite, self.citations))
        then = [p for p in ("derive", "finding", "task") if getattr(rule.then, p) is not None]
        if len(then) != 1:
            self.fail(rule, ("then",), "`then` takes exactly one of `derive`, `finding`, `task`")

    # -- when

    def alternatives(self, rule, law) -> list[list]:
        """The rule's `when` as a list of alternatives, each a list of durable_rules patterns without `$or`.

        durable_rules 2.0.28 mis-evaluates `$or` next to references to other facts: a comparison after an `$or`
        in the same pattern is ignored, and an `$or` whose branch compares with another fact loses its other
        branches (tests/test_rules.py shows both). So `one_of` and `any` are expanded here into one durable
        rule per combination of choices (disjunctive normal form); they all run the same action.
        """
        aliases: dict[str, str] = {}
        combos: list[list] = [[]]
        uses_as_of = (any(_mentions(p, "as_of") for p in rule.when.values()) or rule.effective is not None
                      or _mentions(rule.then.model_dump(), "as_of"))
        if uses_as_of:
            context = [{"t": "context"}]
            if rule.effective and rule.effective.from_:
                context.append({"$gte": {"as_of": factlib.day(rule.effective.from_, 0)}})
            if rule.effective and rule.effective.to:
                context.append({"$lte": {"as_of": factlib.day(rule.effective.to, 0)}})
            combos = [[{"ctx__": {"$and": context} if len(context) > 1 else context[0]}]]
        for alias, pattern in rule.when.items():
            if not _ALIAS.match(alias) or alias in RESERVED or alias.endswith("__"):
                self.fail(rule, ("when", alias), f"`{alias}` is not a usable name for a fact",
                          hint="lower-case letters, digits and `_`; not `as_of` or `law`")
            kind = pattern.get("type")
            if not isinstance(kind, str) or kind not in self.fields:  # `type: {…}` is no type either
                self.fail(rule, ("when", alias, "type"), f"no fact of type `{kind}` is ever asserted",
                          hint=did_you_mean(kind, self.fields))
            choices: list[list] = [[{"t": kind}]]  # each choice: the conjunction of terms for this fact
            for key, value in pattern.items():
                if key == "type":
                    continue
                loc = ("when", alias, key)
                if key == "any":
                    if not isinstance(value, list) or not value:
                        self.fail(rule, loc, "`any` takes a list of alternatives")
                    options = []
                    for i, option in enumerate(value):
                        if not isinstance(option, dict) or not option:
                            self.fail(rule, loc + (i,), "each alternative is a mapping of field: condition")
                        option_choices: list[list] = [[]]
                        for k, v in option.items():
                            option_choices = self.product(rule, loc, option_choices,
                                                          self.term(rule, loc + (i, k), kind, k, v, aliases, law))
                        options.extend(option_choices)
                    choices = self.product(rule, loc, choices, options)
                else:
                    choices = self.product(rule, loc, choices, self.term(rule, loc, kind, key, value, aliases, law))
            self.product(rule, ("when", alias), combos, choices)  # bounded before it is built
            combos = [combo + [{alias: {"$and": choice}}] for combo in combos for choice in choices]
            aliases[alias] = kind
        return combos

    def product(self, rule, loc, choices: list[list], terms: list[list]) -> list[list]:
        """`_product`, refusing a rule whose `one_of` and `any` multiply into more alternatives than can run."""
        if len(choices) * len(terms) > MAX_ALTERNATIVES:
            self.fail(rule, loc, f"`one_of` and `any` expand this rule into {len(choices) * len(terms):,} "
                                 f"alternatives, more than {MAX_ALTERNATIVES}",
                      hint="split it into several rules, or compare with `at_least`, `at_most`, `not`")
        return _product(choices, terms)

    def term(self, rule, loc, kind, key, value, aliases, law) -> list[list]:
        """One condition as alternatives (a list of conjunctions of durable terms)."""
        if key not in self.fields[kind]:
            self.fail(rule, loc, f"facts of type `{kind}` have no field `{key}`",
                      hint=did_you_mean(key, self.fields[kind]) or f"fields: {', '.join(sorted(self.fields[kind]))}")
        if isinstance(value, dict):
            if len(value) != 1:
                self.fail(rule, loc, "a condition has one operator")
            (op, arg), = value.items()
            if op == "one_of":
                if not isinstance(arg, list) or not arg:
                    self.fail(rule, loc + (op,), "`one_of` takes a list of values")
                return [[{key: self.operand(rule, loc + (op, i), a, aliases, law, (kind, key))}]
                        for i, a in enumerate(arg)]
            if op not in OPERATORS:
                self.fail(rule, loc + (op,), f"unknown operator `{op}`",
                          hint=did_you_mean(op, list(OPERATORS) + ["one_of"]))
            return [[{OPERATORS[op]: {key: self.operand(rule, loc + (op,), arg, aliases, law, (kind, key))}}]]
        return [[{key: self.operand(rule, loc, value, aliases, law, (kind, key))}]]

    def operand(self, rule, loc, value, aliases, law, compared):
        if isinstance(value, (dict, list)):
            self.fail(rule, loc, "expected a value or a reference such as `held.information`")
        if value == "as_of":
            return {"ctx__": "as_of"}
        if value == "law":
            return law
        if isinstance(value, str) and _REF.match(value):
            alias, field = _REF.match(value).groups()
            if alias in aliases:
                if field not in self.fields[aliases[alias]]:
                    self.fail(rule, loc, f"`{alias}` (a `{aliases[alias]}` fact) has no field `{field}`",
                              hint=did_you_mean(field, self.fields[aliases[alias]]))
                return {alias: field}
            if alias in rule.when:
                self.fail(rule, loc, f"`{value}` refers to `{alias}`, which is matched later",
                          hint="list a fact before the facts that refer to it")
            # never a silent literal: `ground.information` for `grounds.information` would match nothing
            self.fail(rule, loc, f"`{value}` refers to `{alias}`, which is not a fact matched by this rule",
                      hint=did_you_mean(alias, rule.when) or f"facts matched before it: {', '.join(aliases) or 'none'}")
        self.check_literal(rule, loc, *compared, value)  # `compared`: the (fact type, field) it is compared with
        return self.literal(rule, loc, value)

    def literal(self, rule, loc, value):
        """A literal; a date `YYYY-MM-DD` becomes its whole day, as every date in the facts (never a string)."""
        if isinstance(value, str) and _DATE.match(value):
            if not value.isascii():
                self.fail(rule, loc, f"`{value}` is not a date written `YYYY-MM-DD`: digits must be ASCII 0-9")
            try:
                return factlib.day(dt.date.fromisoformat(value), 0)
            except ValueError:
                self.fail(rule, loc, f"`{value}` is not a real calendar date")
        return _literal(value)

    # -- then

    def action(self, rule, law):
        cite = rule.citation[law]
        if rule.then.derive is not None:
            template = dict(rule.then.derive)
            kind = template.pop("type", None)
            if not isinstance(kind, str):
                self.fail(rule, ("then", "derive", "type"), "a derived fact needs a `type`")
            base = {"t": kind, "rule": rule.id}
        elif rule.then.finding is not None:
            template = dict(rule.then.finding)
            for needed in ("about", "subject", "effect"):
                if needed not in template:
                    self.fail(rule, ("then", "finding"), f"a finding needs `{needed}`")
            effect = template["effect"]
            is_ref = isinstance(effect, str) and _REF.match(effect) and effect.split(".")[0] in rule.when
            if not is_ref and (not isinstance(effect, str) or effect not in EFFECTS):
                self.fail(rule, ("then", "finding", "effect"), f"`{template['effect']}` is not an effect",
                          hint=did_you_mean(template["effect"], EFFECTS) or f"one of: {', '.join(EFFECTS)}")
            # a reference: every value the field it names can hold must be an effect (`level: suspnd` upstream)
            for stray in sorted(self.template_values(rule, effect, self.values) or set()) if is_ref else ():
                if stray not in EFFECTS:
                    self.fail(rule, ("then", "finding", "effect"), f"`{effect}` can be `{stray}`, which is not an "
                                                                   f"effect", hint=did_you_mean(stray, EFFECTS))
            if template["about"] not in ("unit", "person", "proposal"):
                self.fail(rule, ("then", "finding", "about"), "a finding is about a `unit`, `person` or `proposal`")
            base = {"t": "finding", "rule": rule.id, "law": law, "citation": cite}
        else:
            template = dict(rule.then.task)
            for needed in ("kind", "subject"):
                if needed not in template:
                    self.fail(rule, ("then", "task"), f"a task needs `{needed}`")
            base = {"t": "task", "rule": rule.id, "law": law, "citation": cite}
        part = next(p for p in ("derive", "finding", "task") if getattr(rule.then, p) is not None)
        getters = {key: self.value(rule, ("then", part, key), spec, law) for key, spec in template.items()}

        def act(c, emit):
            fact = dict(base)
            for key, get in getters.items():
                fact[key] = get(c)
            emit(fact)

        act.__name__ = f"{rule.id}@{law}"
        return act

    def value(self, rule, loc, spec, law):
        """A function of the matched facts giving one field of the conclusion."""
        if isinstance(spec, list):
            if any(isinstance(s, (list, dict)) for s in spec):
                self.fail(rule, loc, "a list of values, not of lists or mappings")
            parts = [self.value(rule, loc + (i,), s, law) for i, s in enumerate(spec)]
            if loc[-1] == "ground":
                return lambda c: "|".join(str(p(c)) for p in parts)
            return lambda c: [v for v in (p(c) for p in parts) if v not in ("", None)]
        if isinstance(spec, dict):
            if set(spec) != {"days_after"} or not isinstance(spec["days_after"], list) or len(spec["days_after"]) != 2:
                self.fail(rule, loc, "the only computed value is `days_after: [<date reference>, <days>]`")
            start, days = spec["days_after"]
            getter = self.value(rule, loc + ("days_after", 0), start, law)
            if not isinstance(days, int) or isinstance(days, bool):
                self.fail(rule, loc + ("days_after", 1), "a whole number of days")
            doc, at = self.where[rule.id]
            where = at + tuple(loc) + ("days_after", 0)

            def after(c):
                start = getter(c)
                if not isinstance(start, int) or isinstance(start, bool):  # a date is a whole day in the facts
                    raise InputError(f"rule `{rule.id}`: `days_after` counts from a date, and "
                                     f"`{spec['days_after'][0]}` is `{start}`", file=doc.path,
                                     line=doc.line(where), field=field_path(where))
                return start + days
            return after
        if spec == "law":
            return lambda c: law
        if spec == "as_of":
            return lambda c: getattr(c, "ctx__")["as_of"]
        if isinstance(spec, str) and _REF.match(spec):
            alias, field = _REF.match(spec).groups()
            if alias not in rule.when:
                self.fail(rule, loc, f"`{alias}` is not a fact matched by this rule",
                          hint=did_you_mean(alias, rule.when))
            kind = rule.when[alias].get("type")
            if field not in self.fields.get(kind, ()):
                self.fail(rule, loc, f"`{alias}` (a `{kind}` fact) has no field `{field}`",
                          hint=did_you_mean(field, self.fields.get(kind, ())))
            return lambda c: getattr(c, alias)[field]
        literal = self.literal(rule, loc, spec)
        return lambda c: literal


def _product(choices: list[list], terms: list[list]) -> list[list]:
    return [choice + term for choice in choices for term in terms]


def _literal(value):
    if isinstance(value, dt.date):
        return factlib.day(value, 0)
    return value


def _mentions(pattern, word) -> bool:
    if isinstance(pattern, dict):
        return any(_mentions(v, word) for v in pattern.values())
    if isinstance(pattern, list):
        return any(_mentions(v, word) for v in pattern)
    return pattern == word
