"""Step definitions of the executable specification (features/*.feature), in the analysts' language.

pytest-bdd registers steps only from conftest files, so every step lives here. The vocabulary, with an example
of every step, is documented in features/README.md; tests/test_feature_meta.py checks that the two agree.

How a scenario runs:

- Given-steps fill a `World`: the law(s), the as-of date, case files and hypotheses, and rows of data tables.
- Table rows become a case file in the case-file format (docs/case-format.md), written as JSON (which is YAML)
  into the scenario's temporary folder and loaded with `vetting.case.load.load_case`, together with any case named
  by `Given the case ...`: table data goes through the same validation and cross-entity checks as a case
  written by hand. Every table-built fact cites one implicit source, `scenario` ("Scenario: <name>",
  published by the feature file), so no fact is without a source.
- The first Then-step evaluates (`vetting.decide.evaluate`) and keeps the report; a later Given or When that
  changes the inputs (another as-of date, another hypothesis) makes the next Then-step evaluate again.
- The ids of the rules that concluded anything (`Report.fired`), over every evaluation of the scenario, are
  appended as one JSON line to the file named by the environment variable `VETTING_FEATURES_RECORD`, when it
  is set (tests/test_feature_meta.py and scripts/coverage_table.py use it to check every rule has a scenario).
- The environment variable VETTING_RULES, when set, names the rule folder the scenarios run on instead of
  rules/ (scripts/mutate_rules.py runs them on mutants of the rule set); only the tests read it, never the library.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pytest_bdd import parsers
from pytest_bdd import step as bdd_step

import vetting
import vetting.law.ruleset
from vetting.decide import OUTCOMES, UNIT_STATUSES, evaluate
from vetting.errors import InputError
from vetting.facts import ancestors_on
from vetting.case.load import load_case

ROOT = Path(vetting.__file__).resolve().parent.parent  # the project: case paths are relative to it
RECORD_ENV = "VETTING_FEATURES_RECORD"
RULES_ENV = "VETTING_RULES"
SCENARIO_SOURCE = "scenario"

# ---------------------------------------------------------------- the vocabulary

VOCABULARY: list[tuple[tuple[str, ...], str]] = []  # ((keywords), regular expression), in definition order


def step(*keywords: str, pattern: str):
    """Register one step for the given keywords (given, when, then) with a fully matched regular expression."""

    def decorate(func):
        for keyword in keywords:
            bdd_step(parsers.re(pattern), keyword, stacklevel=2)(func)
        VOCABULARY.append((keywords, pattern))
        return func

    return decorate


LAW = r"(?P<law>the State law|the DoD law|both laws)"
ONE_LAW = r"(?P<law>the State law|the DoD law)"
STATUS = r"(?P<status>" + "|".join(UNIT_STATUSES) + r")"
OUTCOME = r"(?P<outcome>approved-by-exception|approved by exception|not-covered|not covered|approved|suspended|held|rejected|waived)"
ID = r"`(?P<{}>[^`]+)`"
DATE = r"(?P<{}>\d{{4}}-\d{{2}}-\d{{2}})"
LAWS_OF = {"the State law": ("state",), "the DoD law": ("dod",), "both laws": ("state", "dod")}
LAW_NAME = {"state": "the State law", "dod": "the DoD law", "both": "both laws"}
LAW_COLUMN = {"state": "state", "dod": "dod"}  # table headers `State` and `DoD`, case-insensitive


def outcome_word(text: str) -> str:
    word = text.strip().replace(" ", "-")
    if word not in OUTCOMES:
        raise AssertionError(f"`{text}` is not an outcome; use one of: {', '.join(OUTCOMES)}")
    return word


def ids_in(text: str) -> list[str]:
    """"`a`, `b` and `c`" or "a, b" -> [a, b, c]; "none" -> []."""
    text = text.strip()
    if text in ("", "none", "nothing", "-"):
        return []
    found = re.findall(r"`([^`]+)`", text)
    if found:
        return found
    return [part.strip() for part in re.split(r",| and ", text) if part.strip()]


# ---------------------------------------------------------------- the world of one scenario


@dataclass
class World:
    tmp_path: Path
    feature: str  # the feature file, relative to features/
    scenario: str  # the scenario's name
    laws: tuple | None = None
    as_of: dt.date | None = None
    case_paths: list = field(default_factory=list)
    hypotheses: list = field(default_factory=list)  # names or paths, resolved when evaluating
    readings: list = field(default_factory=list)  # names of the rule set's readings, applied in order
    rows: dict = field(default_factory=dict)  # collection -> list of entity dicts, in table order
    report: object = None
    fired: set = field(default_factory=set)

    def changed(self):
        self.report = None

    # -- building the case

    def add(self, collection: str, entity: dict):
        self.rows.setdefault(collection, [])
        for existing in self.rows[collection]:
            if existing["id"] == entity["id"]:
                raise AssertionError(f"the {collection} table gives `{entity['id']}` twice")
        self.rows[collection].append(entity)
        self.changed()

    def entity(self, collection: str, entity_id: str) -> dict | None:
        return next((e for e in self.rows.get(collection, []) if e["id"] == entity_id), None)

    def case_document(self) -> dict:
        document: dict = {}
        if not self.case_paths:
            document["case"] = {"id": "scenario", "title": f"Scenario: {self.scenario}"}
        document["sources"] = [{"id": SCENARIO_SOURCE, "title": f"Scenario: {self.scenario}",
                                "publisher": f"features/{self.feature}", "kind": "other"}]
        for collection, entities in self.rows.items():
            document[collection] = entities
        return document

    def load(self):
        paths = [self.resolve_case(p) for p in self.case_paths]
        if self.rows:
            path = self.tmp_path / "scenario-case.yaml"
            path.write_text(json.dumps(self.case_document(), indent=2, ensure_ascii=False), encoding="utf-8")
            paths.append(path)
        if not paths:
            raise AssertionError("the scenario has no case: name one (Given the case `...`) or give data "
                                 "tables (Given these units: ...)")
        try:
            return load_case(paths)
        except InputError as error:
            raise AssertionError(f"the scenario's case is not valid (its tables are written to "
                                 f"{self.tmp_path / 'scenario-case.yaml'}):\n{error}") from None

    @staticmethod
    def resolve_case(name: str) -> Path:
        path = Path(name)
        return path if path.is_absolute() else ROOT / path

    def resolve_hypothesis(self, name: str) -> Path:
        path = Path(name)
        if path.suffix in (".yaml", ".yml") or "/" in name:
            return path if path.is_absolute() else ROOT / path
        folders = [self.resolve_case(p) for p in self.case_paths]
        for folder in folders:
            folder = folder if folder.is_dir() else folder.parent
            for suffix in (".yaml", ".yml"):
                candidate = folder / "hypotheses" / f"{name}{suffix}"
                if candidate.exists():
                    return candidate
        known = sorted(p.stem for f in folders for p in (f if f.is_dir() else f.parent).glob("hypotheses/*.y*ml"))
        raise AssertionError(f"no hypothesis `{name}` in the hypotheses/ folder of the case; "
                             f"known: {', '.join(known) or 'none'}")

    # -- evaluating

    def evaluate(self):
        if self.report is None:
            if self.laws is None:
                raise AssertionError("say which law: `Given the law is the State law`, `... the DoD law`, "
                                     "or `Given both laws apply`")
            if self.as_of is None:
                raise AssertionError("say the as-of date: `Given the as-of date is 2015-01-31`")
            case = self.load()
            hypotheses = [self.resolve_hypothesis(h) for h in self.hypotheses]
            rules = vetting.law.ruleset.load_ruleset(None, self.readings) if self.readings else None
            self.report = evaluate(case, self.as_of, self.laws, hypotheses=hypotheses, rules=rules)
            self.fired |= set(self.report.fired)
        return self.report

    def need_laws(self, laws: tuple) -> tuple:
        missing = [law for law in laws if law not in self.laws]
        if missing:
            raise AssertionError(f"the scenario does not apply {LAW_NAME[missing[0]]}: its Background says "
                                 f"which laws apply")
        return laws

    def subject(self, subject_id: str):
        """The unit, person or proposal decision with this id."""
        report = self.evaluate()
        for kind, collection in (("unit", report.units), ("person", report.people), ("proposal", report.proposals)):
            if subject_id in collection:
                return kind, collection[subject_id]
        known = sorted(report.units) + sorted(report.people) + sorted(report.proposals)
        raise AssertionError(f"`{subject_id}` is no unit, person or proposal of the case; known: {', '.join(known)}")

    def status(self, kind: str, subject_id: str, law: str) -> str:
        report = self.evaluate()
        self.need_laws((law,))
        collection = report.units if kind == "unit" else report.people
        if subject_id not in collection:
            raise AssertionError(f"`{subject_id}` is not a {kind} of the case; known: {', '.join(sorted(collection))}")
        return collection[subject_id].status[law]


_SCENARIO_KEY = pytest.StashKey[tuple]()
_WORLD_KEY = pytest.StashKey[World]()


def feature_file(feature) -> str:
    """The feature file's path relative to this folder (features/), as scripts/coverage_table.py names it."""
    path = Path(feature.filename).resolve()
    here = Path(__file__).resolve().parent
    return path.relative_to(here).as_posix() if path.is_relative_to(here) else path.name


def pytest_report_header(config):
    if os.environ.get(RULES_ENV):
        return f"rules: {vetting.law.ruleset.DEFAULT_RULES} (from {RULES_ENV}, not rules/)"


def pytest_bdd_before_scenario(request, feature, scenario):
    request.node.stash[_SCENARIO_KEY] = (feature_file(feature), scenario.name)


def pytest_bdd_after_scenario(request, feature, scenario):
    record = os.environ.get(RECORD_ENV)
    if not record:
        return
    world = request.node.stash.get(_WORLD_KEY, None)
    line = {"feature": feature_file(feature), "scenario": scenario.name, "node": request.node.nodeid,
            "tags": sorted(set(scenario.tags) | set(feature.tags)),
            "fired": sorted(world.fired) if world else []}
    with open(record, "a", encoding="utf-8") as out:
        out.write(json.dumps(line) + "\n")


@pytest.fixture
def world(request, tmp_path) -> World:
    feature, scenario = request.node.stash.get(_SCENARIO_KEY, ("unknown.feature", request.node.name))
    made = World(tmp_path, feature, scenario)
    request.node.stash[_WORLD_KEY] = made
    return made


# ---------------------------------------------------------------- data tables


def table(datatable: list[list[str]]) -> list[dict]:
    """Rows as {normalised header: cell}, cells stripped of spaces and backticks; empty cells left out."""
    header, *rows = datatable
    keys = [re.sub(r"[\s-]+", "_", h.strip().lower()) for h in header]
    out = []
    for row in rows:
        out.append({k: c.strip().strip("`").strip() for k, c in zip(keys, row) if c.strip().strip("`").strip()})
    return out


def check_columns(name: str, datatable, allowed: dict, required=("id",)):
    """`allowed`: normalised column -> canonical column (aliases allowed)."""
    header = [re.sub(r"[\s-]+", "_", h.strip().lower()) for h in datatable[0]]
    for column in header:
        if column not in allowed:
            raise AssertionError(f"the {name} table has no column `{column}`; columns: "
                                 f"{', '.join(sorted(set(allowed.values())))}")
    for column in required:
        if column not in {allowed[h] for h in header}:
            raise AssertionError(f"the {name} table needs a column `{column}`")
    return [{allowed[k]: v for k, v in row.items()} for row in table(datatable)]


def a_list(cell: str | None) -> list[str]:
    return ids_in(cell) if cell else []


def yes_no(cell: str, column: str) -> bool:
    value = cell.lower()
    if value in ("yes", "true"):
        return True
    if value in ("no", "false"):
        return False
    raise AssertionError(f"`{column}` is `yes` or `no`, not `{cell}`")


def day_or_range(cell: str):
    """`2014-06-30`, or a range `2014-10-01 to 2014-10-31`."""
    parts = [p.strip() for p in re.split(r"\s+to\s+|\.\.", cell)]
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        return {"from": parts[0], "to": parts[1]}
    raise AssertionError(f"`{cell}` is not a day or a range `YYYY-MM-DD to YYYY-MM-DD`")


def sourced(entity: dict) -> dict:
    entity["sources"] = [SCENARIO_SOURCE]
    return entity


def period(row: dict, target: dict) -> dict:
    if "from" in row:
        target["from"] = row["from"]
    if "to" in row:
        target["to"] = row["to"]
    if "last_seen" in row:  # last seen that day, its end unknown
        target["last_seen"] = row["last_seen"]
    return target


UNIT_COLUMNS = {"id": "id", "name": "name", "kind": "kind", "country": "country", "echelon": "echelon",
                "personnel": "personnel", "parent": "parent", "chain": "chain", "from": "from", "to": "to",
                "last_seen": "last_seen"}
PEOPLE_COLUMNS = {"id": "id", "name": "name", "count": "count", "unit": "unit", "role": "role", "rank": "rank",
                  "from": "from", "to": "to", "last_seen": "last_seen"}
INCIDENT_COLUMNS = {"id": "id", "title": "title", "date": "date", "place": "place", "violations": "violations",
                    "units": "units", "people": "people", "unit_identified": "identified",
                    "identified": "identified", "force": "force"}
INFORMATION_COLUMNS = {"id": "id", "incident": "incident", "summary": "summary", "received": "received",
                       "assessment": "assessment", "status": "assessment", "assessed_on": "assessed_on",
                       "assessed": "assessed_on", "second_tier": "second_tier", "review": "second_tier",
                       "units": "units", "people": "people", "violations": "violations", "held_by": "held_by"}
INVESTIGATION_COLUMNS = {"id": "id", "incident": "incident", "kind": "kind", "by": "by", "status": "status",
                         "units": "units", "people": "people", "opened": "opened", "status_on": "status_on",
                         "on": "status_on"}
DETERMINATION_COLUMNS = {"id": "id", "kind": "kind", "unit": "unit", "proposal": "proposal", "made": "made",
                         "reported": "reported", "consulted_state": "consulted_state",
                         "consulted": "consulted_state", "emergency": "emergency", "incidents": "incidents",
                         "revoked": "revoked", "review": "review", "applied": "applied"}
PROPOSAL_COLUMNS = {"id": "id", "title": "title", "program": "program", "authority": "authority", "kind": "kind",
                    "units": "units", "people": "people", "identified": "identified", "from": "from", "to": "to",
                    "sources": "sources", "channel": "channel", "fiscal_year": "fiscal_year", "fy": "fiscal_year",
                    "barred_list_given": "barred_list_given", "written_agreement": "written_agreement"}

GIVEN = ("given", "when")  # setting the scene reads as Given; a change in the middle of a scenario as When
THEN = ("then",)


@step(*GIVEN, pattern=r"these units:")
def given_units(world, datatable):
    for row in check_columns("units", datatable, UNIT_COLUMNS):
        unit = world.entity("units", row["id"])
        if unit is None:  # the first row of a unit; a further row of the same id adds a parent link
            unit = sourced({"id": row["id"], "name": row.get("name", row["id"]),
                            "kind": row.get("kind", "military"), "country": row.get("country", "MX")})
            if "echelon" in row:
                unit["echelon"] = row["echelon"]
            if "personnel" in row:
                unit["personnel"] = int(row["personnel"].replace(",", ""))
            unit["parents"] = []
            world.add("units", unit)
        if "parent" in row:
            link = period(row, {"unit": row["parent"]})
            if "chain" in row:
                link["chain"] = row["chain"]
            unit["parents"].append(sourced(link))
        elif "from" in row or "to" in row or "last_seen" in row:
            raise AssertionError(f"unit `{row['id']}`: `from`/`to` date its link to a `parent`, and it has none")
    world.changed()


@step(*GIVEN, pattern=r"these people:")
def given_people(world, datatable):
    for row in check_columns("people", datatable, PEOPLE_COLUMNS):
        person = world.entity("people", row["id"])
        if person is None:
            person = sourced({"id": row["id"], "name": row.get("name", row["id"]), "postings": []})
            if "count" in row:
                person["count"] = int(row["count"])
            world.add("people", person)
        if "unit" in row:
            posting = period(row, {"unit": row["unit"], "role": row.get("role", "member")})
            if "rank" in row:
                posting["rank"] = row["rank"]
            person["postings"].append(sourced(posting))
    world.changed()


@step(*GIVEN, pattern=r"these incidents:")
def given_incidents(world, datatable):
    for row in check_columns("incidents", datatable, INCIDENT_COLUMNS, required=("id", "date", "violations")):
        perpetrators: dict = {}
        if "units" in row:
            perpetrators["units"] = a_list(row["units"])
        if "people" in row:
            perpetrators["people"] = a_list(row["people"])
        if "identified" in row:
            perpetrators["unit_identified"] = yes_no(row["identified"], "unit identified")
        if "force" in row:
            perpetrators["force"] = row["force"]
        world.add("incidents", sourced({
            "id": row["id"], "title": row.get("title", row["id"]), "date": day_or_range(row["date"]),
            "place": {"name": row.get("place", "a place"), "country": "MX"},
            "violations": a_list(row["violations"]), "perpetrators": perpetrators}))


@step(*GIVEN, pattern=r"this information:")
def given_information(world, datatable):
    for row in check_columns("information", datatable, INFORMATION_COLUMNS,
                             required=("id", "received", "assessment")):
        assessment = {"status": row["assessment"]}
        if "assessed_on" in row:
            assessment["on"] = row["assessed_on"]
        if "second_tier" in row:
            assessment["second_tier"] = row["second_tier"]
        item = {"id": row["id"], "summary": row.get("summary", row["id"]),
                "received": day_or_range(row["received"]), "assessment": assessment}
        if row.get("incident"):  # an empty cell: information without an incident
            item["incident"] = row["incident"]
        if "units" in row or "people" in row:
            item["alleges"] = {"units": a_list(row.get("units")), "people": a_list(row.get("people"))}
        if "violations" in row:
            item["violations"] = a_list(row["violations"])
        if row.get("held_by"):
            item["held_by"] = row["held_by"]
        world.add("information", sourced(item))


@step(*GIVEN, pattern=r"these investigations:")
def given_investigations(world, datatable):
    for row in check_columns("investigations", datatable, INVESTIGATION_COLUMNS):
        investigation = {"id": row["id"], "kind": row.get("kind", "investigation"),
                         "by": row.get("by", "the authorities"), "status": row.get("status", "open"),
                         "subjects": {"units": a_list(row.get("units")), "people": a_list(row.get("people"))}}
        for key in ("incident", "opened", "status_on"):
            if row.get(key):
                investigation[key] = row[key]
        world.add("investigations", sourced(investigation))


@step(*GIVEN, pattern=r"these determinations:")
def given_determinations(world, datatable):
    for row in check_columns("determinations", datatable, DETERMINATION_COLUMNS,
                             required=("id", "kind", "unit", "made")):
        determination = {"id": row["id"], "kind": row["kind"], "unit": row["unit"], "made": row["made"]}
        for key in ("proposal", "reported", "emergency", "revoked", "review", "applied"):
            if row.get(key):
                determination[key] = row[key]
        if row.get("consulted_state") == "unknown":
            determination["consulted_state"] = "unknown"
        elif "consulted_state" in row:
            determination["consulted_state"] = yes_no(row["consulted_state"], "consulted state")
        if row.get("incidents"):
            determination["incidents"] = a_list(row["incidents"])
        world.add("determinations", sourced(determination))


@step(*GIVEN, pattern=r"these proposals:")
def given_proposals(world, datatable):
    for row in check_columns("proposals", datatable, PROPOSAL_COLUMNS, required=("id", "kind")):
        recipients = {"units": a_list(row.get("units")), "people": a_list(row.get("people"))}
        if "identified" in row:
            recipients["identified"] = yes_no(row["identified"], "identified")
        for key in ("barred_list_given", "written_agreement"):
            if row.get(key):
                recipients[key] = row[key]
        if "authority" in row:  # the former format, read as case files read it
            funding = {"authority": row["authority"]}
        elif "sources" in row:
            funding = {"sources": a_list(row["sources"])}
        else:
            raise AssertionError(f"proposal `{row['id']}`: give its funding `sources` (or a former `authority`)")
        if row.get("channel"):
            funding["channel"] = row["channel"]
        if row.get("fiscal_year"):
            funding["fiscal_year"] = int(row["fiscal_year"])
        proposal = period(row, {"id": row["id"], "title": row.get("title", row["id"]),
                                "funding": funding, "kind": row["kind"], "recipients": recipients})
        if "program" in row:
            proposal["program"] = row["program"]
        world.add("proposals", sourced(proposal))


# ---------------------------------------------------------------- law, date, case, hypotheses


@step(*GIVEN, pattern=r"(?:the law is (?P<one>the State law|the DoD law)|both laws apply)")
def given_law(world, one=None):
    world.laws = LAWS_OF[one] if one else LAWS_OF["both laws"]
    world.changed()


@step(*GIVEN, pattern=r"the as-of date is " + DATE.format("day"))
def given_as_of(world, day):
    world.as_of = dt.date.fromisoformat(day)
    world.changed()


@step(*GIVEN, pattern=r"the case " + ID.format("case"))
def given_case(world, case):
    if not world.resolve_case(case).exists():
        raise AssertionError(f"no case `{case}` (paths are relative to the project folder, {ROOT})")
    world.case_paths.append(case)
    world.changed()


@step(*GIVEN, pattern=r"the hypothesis " + ID.format("name") + r"(?: is applied)?")
def given_hypothesis(world, name):
    world.hypotheses.append(name)
    world.changed()


@step(*GIVEN, pattern=r"the rule set is read as " + ID.format("name"))
def given_reading(world, name):
    world.readings.append(name)
    world.changed()


@step("when", pattern=r"the case is evaluated")
def when_evaluated(world):
    world.evaluate()


# ---------------------------------------------------------------- statuses of units and people


@step(*THEN, pattern=r"the (?P<kind>unit|person) " + ID.format("subject") + r" is " + STATUS + r" under " + LAW)
def then_status(world, kind, subject, status, law):
    for one in LAWS_OF[law]:
        got = world.status(kind, subject, one)
        assert got == status, f"the {kind} `{subject}` is {got} under {LAW_NAME[one]}, not {status}"


@step(*THEN, pattern=r"(?:under " + LAW + r" )?the statuses are:")
def then_statuses(world, datatable, law=None):
    header = [h.strip().lower() for h in datatable[0]]
    kind = header[0]
    if kind not in ("unit", "person"):
        raise AssertionError("the first column of a statuses table is `unit` or `person`")
    columns = {}
    for index, name in enumerate(header[1:], 1):
        if name == "status":
            if law is None or law == "both laws":
                raise AssertionError("a `status` column needs one law: `Then under the State law the statuses are:`")
            columns[index] = LAWS_OF[law][0]
        elif name in ("state", "dod"):
            columns[index] = LAW_COLUMN[name]
        else:
            raise AssertionError(f"a statuses table has columns `{kind}`, and `State`, `DoD` or `status`; "
                                 f"not `{name}`")
    if law is not None:
        wanted = set(LAWS_OF[law])
        if set(columns.values()) != wanted:
            raise AssertionError(f"under {law}: the table needs a column for each of {', '.join(sorted(wanted))}")
    wrong = []
    for row in datatable[1:]:
        subject = row[0].strip().strip("`")
        for index, one in columns.items():
            expected = row[index].strip()
            got = world.status(kind, subject, one)
            if got != expected:
                wrong.append(f"`{subject}` is {got} under {LAW_NAME[one]}, not {expected}")
    assert not wrong, "; ".join(wrong)


def with_status(world, kind: str, status: str, law: str) -> list[str]:
    report = world.evaluate()
    world.need_laws((law,))
    collection = report.units if kind == "units" else report.people
    return [sid for sid, subject in collection.items() if subject.status[law] == status]


def same_set(got: list[str], expected: list[str], what: str):
    missing = [e for e in expected if e not in got]
    extra = [g for g in got if g not in expected]
    assert not missing and not extra, (f"{what}: expected exactly {sorted(expected) or 'none'}, got "
                                       f"{sorted(got) or 'none'} (missing {missing or 'none'}, extra {extra or 'none'})")


@step(*THEN, pattern=r"the (?P<kind>units|people) " + STATUS + r" under " + ONE_LAW
      + r" are exactly (?P<ids>(?:`[^`]+`(?:, | and )?)+|none)")
def then_exactly_inline(world, kind, status, law, ids):
    one = LAWS_OF[law][0]
    same_set(with_status(world, kind, status, one), ids_in(ids), f"the {kind} {status} under {law}")


@step(*THEN, pattern=r"the (?P<kind>units|people) " + STATUS + r" under " + ONE_LAW + r" are exactly:")
def then_exactly_table(world, kind, status, law, datatable):
    one = LAWS_OF[law][0]
    expected = [row[0].strip().strip("`") for row in datatable[1:]]
    same_set(with_status(world, kind, status, one), expected, f"the {kind} {status} under {law}")


def personnel_with_status(world, status: str, law: str) -> int:
    """The personnel of the units with `status` under `law`, each person counted once.

    A unit's `personnel` counts everyone in it, the units under it included; so a unit's figure is left out
    when a unit above it on the as-of date has the same status and a figure of its own (it is in that one).
    Units without a figure count 0.
    """
    report = world.evaluate()
    world.need_laws((law,))
    case = report.case
    ancestors = ancestors_on(case.units, report.as_of)
    counted = {uid for uid, unit in report.units.items()
               if unit.status[law] == status and case.units[uid].personnel is not None}
    return sum(case.units[uid].personnel for uid in counted if not any(a in counted for a in ancestors[uid]))


@step(*THEN, pattern=r"(?P<count>\d[\d,]*) personnel (?:are|is) " + STATUS + r" under " + ONE_LAW)
def then_personnel(world, count, status, law):
    expected = int(count.replace(",", ""))
    got = personnel_with_status(world, status, LAWS_OF[law][0])
    assert got == expected, f"{got:,} personnel are {status} under {law}, not {expected:,}"


# ---------------------------------------------------------------- proposals


@step(*THEN, pattern=r"the proposal " + ID.format("proposal") + r" is " + OUTCOME)
def then_outcome(world, proposal, outcome):
    report = world.evaluate()
    expected = outcome_word(outcome)
    if proposal not in report.proposals:
        known = world.load().proposals
        if proposal in known:
            raise AssertionError(f"the proposal `{proposal}` falls under {LAW_NAME.get(known[proposal].law)}, "
                                 f"which the scenario does not apply")
        raise AssertionError(f"`{proposal}` is not a proposal of the case; known: {', '.join(sorted(known))}")
    got = report.proposals[proposal].outcome
    assert got == expected, f"the proposal `{proposal}` is {got}, not {expected}"


@step(*THEN, pattern=r"the proposal " + ID.format("proposal")
      + r" falls under (?P<law>the State law|the DoD law|both laws|neither law)")
def then_proposal_law(world, proposal, law):
    report = world.evaluate()
    known = report.case.proposals
    assert proposal in known, f"`{proposal}` is not a proposal of the case"
    got = LAW_NAME.get(known[proposal].law, "neither law")
    assert got == law, f"the proposal `{proposal}` falls under {got}, not {law}"


@step(*THEN, pattern=r"the outcomes are:")
def then_outcomes(world, datatable):
    report = world.evaluate()
    header = [h.strip().lower() for h in datatable[0]]
    if header[:2] != ["proposal", "outcome"]:
        raise AssertionError("an outcomes table has the columns `proposal` and `outcome`")
    wrong = []
    for row in datatable[1:]:
        proposal, expected = row[0].strip().strip("`"), outcome_word(row[1])
        got = report.proposals[proposal].outcome if proposal in report.proposals else "not evaluated"
        if got != expected:
            wrong.append(f"`{proposal}` is {got}, not {expected}")
    assert not wrong, "; ".join(wrong)


# ---------------------------------------------------------------- tasks


def open_tasks(world) -> list:
    return list(world.evaluate().tasks)


def describe(tasks) -> str:
    return ", ".join(f"{t.kind} for `{t.subject}` under {LAW_NAME[t.law]}" + (f" due {t.due}" if t.due else "")
                     for t in tasks) or "none"


def the_task(world, kind, subject, law):
    """The one open task of a kind for a subject under a law (tasks are one per kind, law and subject)."""
    one = LAWS_OF[law][0]
    world.need_laws((one,))
    tasks = open_tasks(world)
    found = [t for t in tasks if t.kind == kind and t.subject == subject and t.law == one]
    assert found, f"no task `{kind}` for `{subject}` under {law}; open tasks: {describe(tasks)}"
    return found[0]


@step(*THEN, pattern=r"a task " + ID.format("kind") + r" is open for " + ID.format("subject") + r" under "
      + ONE_LAW + r"(?:, due " + DATE.format("due") + r")?")
def then_task(world, kind, subject, law, due=None):
    task = the_task(world, kind, subject, law)
    if due is not None:
        got = task.due.isoformat() if task.due else "no date"
        assert got == due, f"the task `{kind}` for `{subject}` is due {got}, not {due}"


@step(*THEN, pattern=r"the task " + ID.format("kind") + r" for " + ID.format("subject") + r" under " + ONE_LAW
      + r" cites " + ID.format("citation"))
def then_task_cites(world, kind, subject, law, citation):
    """The provision a task is opened under: when two rules open it, the report names one (vetting.decide)."""
    got = the_task(world, kind, subject, law).citation
    assert got == citation, f"the task `{kind}` for `{subject}` cites {got}, not {citation}"


@step(*THEN, pattern=r"no task " + ID.format("kind") + r" is open(?: for " + ID.format("subject") + r")?")
def then_no_task(world, kind, subject=None):
    tasks = open_tasks(world)
    found = [t for t in tasks if t.kind == kind and (subject is None or t.subject == subject)]
    assert not found, f"open: {describe(found)}"


@step(*THEN, pattern=r"no task is open")
def then_no_tasks(world):
    tasks = open_tasks(world)
    assert not tasks, f"open tasks: {describe(tasks)}"


@step(*THEN, pattern=r"the open (?:" + ID.format("only") + r" )?tasks are exactly:")
def then_tasks_exactly(world, datatable, only=None):
    header = [h.strip().lower() for h in datatable[0]]
    if header[:3] != ["kind", "subject", "law"]:
        raise AssertionError("an open-tasks table has the columns `kind`, `subject`, `law` (and optionally `due`)")
    expected = set()
    for row in datatable[1:]:
        cells = [c.strip().strip("`") for c in row]
        law = {"state": "state", "dod": "dod"}[cells[2].lower()]
        due = cells[3] if len(cells) > 3 and cells[3] else None
        expected.add((cells[0], cells[1], law, due if "due" in header else "*"))
    got = {(t.kind, t.subject, t.law, (t.due.isoformat() if t.due else None) if "due" in header else "*")
           for t in open_tasks(world) if only is None or t.kind == only}
    assert got == expected, (f"open tasks: missing {sorted(expected - got, key=str) or 'none'}, "
                             f"unexpected {sorted(got - expected, key=str) or 'none'}")


# ---------------------------------------------------------------- findings


def findings_of(world, subject: str, law: str) -> list:
    world.need_laws((law,))
    _, decision = world.subject(subject)
    return [f for f in decision.findings if f.law == law]


def show(findings) -> str:
    return "; ".join(f"{f.rule} {f.effect} cites {f.citation}" for f in findings) or "no finding"


@step(*THEN, pattern=r"the finding for " + ID.format("subject") + r" under " + ONE_LAW + r" cites "
      + ID.format("citation"))
def then_cites(world, subject, law, citation):
    found = [f for f in findings_of(world, subject, LAWS_OF[law][0]) if f.effect != "note"]
    assert any(f.citation == citation for f in found), f"`{subject}` under {law}: {show(found)}"


@step(*THEN, pattern=r"no finding for " + ID.format("subject") + r" under " + ONE_LAW + r" cites "
      + ID.format("citation"))
def then_not_cites(world, subject, law, citation):
    found = findings_of(world, subject, LAWS_OF[law][0])
    assert not any(f.citation == citation for f in found), f"`{subject}` under {law}: {show(found)}"


@step(*THEN, pattern=r"the finding for " + ID.format("subject") + r" under " + ONE_LAW + r" rests on "
      + ID.format("fact"))
def then_rests_on(world, subject, law, fact):
    found = [f for f in findings_of(world, subject, LAWS_OF[law][0]) if f.effect != "note"]
    assert any(fact in f.because for f in found), (
        f"`{subject}` under {law}: " + "; ".join(f"{f.rule} {f.effect} because {list(f.because)}" for f in found))


@step(*THEN, pattern=r"the note " + ID.format("rule") + r" explains " + ID.format("subject") + r" under " + ONE_LAW)
def then_note(world, subject, law, rule):
    found = findings_of(world, subject, LAWS_OF[law][0])
    assert any(f.rule == rule and f.effect == "note" for f in found), f"`{subject}` under {law}: {show(found)}"


@step(*THEN, pattern=r"the note " + ID.format("rule") + r" explains " + ID.format("subject") + r" under " + ONE_LAW
      + r" once")
def then_note_once(world, subject, law, rule):
    """Exactly one such note: a reason given twice reads as two reasons."""
    found = findings_of(world, subject, LAWS_OF[law][0])
    notes = [f for f in found if f.rule == rule and f.effect == "note"]
    assert len(notes) == 1, f"`{subject}` under {law}: {len(notes)} notes `{rule}`: {show(found)}"


@step(*THEN, pattern=r"there is no finding for " + ID.format("subject") + r" under " + LAW)
def then_no_finding(world, subject, law):
    for one in LAWS_OF[law]:
        found = findings_of(world, subject, one)
        assert not found, f"`{subject}` under {LAW_NAME[one]}: {show(found)}"


FINDING_COLUMNS = ("rule", "effect", "citation", "lifted", "because")


@step(*THEN, pattern=r"the findings for " + ID.format("subject") + r" under " + ONE_LAW + r" are:")
def then_findings(world, subject, law, datatable):
    header = [h.strip().lower() for h in datatable[0]]
    for column in header:
        if column not in FINDING_COLUMNS:
            raise AssertionError(f"a findings table has columns among {', '.join(FINDING_COLUMNS)}; not `{column}`")

    def cells(finding) -> tuple:
        values = {"rule": finding.rule, "effect": finding.effect, "citation": finding.citation,
                  "lifted": {True: "yes", False: "no", None: ""}[finding.lifted],
                  "because": ", ".join(sorted(finding.because))}
        return tuple(values[c] for c in header)

    expected = {tuple(c.strip().strip("`") if h != "because" else ", ".join(sorted(ids_in(c))) for h, c in zip(header, row))
                for row in datatable[1:]}
    got = {cells(f) for f in findings_of(world, subject, LAWS_OF[law][0])}
    assert got == expected, (f"`{subject}` under {law}: missing {sorted(expected - got) or 'none'}, "
                             f"unexpected {sorted(got - expected) or 'none'}")


# ---------------------------------------------------------------- the explanation


@step(*THEN, pattern=r"the explanation of " + ID.format("subject") + r" shows the determinations:")
def then_explained_determinations(world, subject, datatable):
    """Exact: the determinations `vetting explain` shows beside the subject, each with its effect on the date."""
    from vetting.explain import explain

    world.subject(subject)  # evaluates, and names the subjects known when this one is not
    expected = {(row[0].strip(), row[1].strip()) for row in datatable[1:]}
    got = {(d["id"], d["effect"]) for d in explain(world.evaluate(), subject)["determinations"]}
    assert got == expected, (f"`{subject}`: missing {sorted(expected - got) or 'none'}, "
                             f"unexpected {sorted(got - expected) or 'none'}")


# ---------------------------------------------------------------- reports and tags


def pytest_configure(config):
    """`--cucumberjson=out/cucumber.json` writes into a folder that may not exist yet: make it first.
    VETTING_RULES names the rule folder to run on, before any scenario runs (see the module's docstring)."""
    path = getattr(config.option, "cucumber_json_path", None)
    if path:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    if os.environ.get(RULES_ENV):
        vetting.law.ruleset.DEFAULT_RULES = Path(os.environ[RULES_ENV]).resolve()


def pytest_bdd_apply_tag(tag, function):
    """`@engine_disagreement`: the scenario states what the law and docs/decisions.md require and the engine
    does not do it yet. It is an expected failure, strictly: when the engine is fixed the scenario passes, the
    run fails, and the tag must go. The scenario's description says what is expected, what the engine does
    and why."""
    if tag != "engine_disagreement":
        return None
    pytest.mark.engine_disagreement(function)
    pytest.mark.xfail(strict=True, reason="the engine disagrees with docs/decisions.md; the scenario's "
                                          "description says how")(function)
    return True
