"""Meta-tests of the executable specification (features/): it covers the rule set, its tags are provisions, its
vocabulary is documented, docs/coverage.md is current, and an analyst can write a scenario without Python.

The scenarios are run once, in a subprocess (`pytest features -q -p no:cacheprovider`), with the environment
variable VETTING_FEATURES_RECORD naming a file into which features/conftest.py writes, per scenario, the ids of
the rules that fired (`Report.fired`). So these tests work alone and as part of the whole suite alike.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest

from script_module import load_module
from vetting.law.ruleset import DEFAULT_RULES, load_ruleset


ROOT = Path(__file__).resolve().parents[1]
FEATURES = ROOT / "features"


coverage = load_module("coverage_table", ROOT / "scripts" / "coverage_table.py")


@pytest.fixture(scope="module")
def ruleset():
    return load_ruleset(DEFAULT_RULES)


@pytest.fixture(scope="module")
def scenarios():
    return coverage.feature_scenarios(FEATURES)


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """Run every scenario once: (the fired-rules record, the Cucumber JSON report, the pytest result)."""
    folder = tmp_path_factory.mktemp("features-run")
    record, cucumber = folder / "fired.jsonl", folder / "cucumber.json"
    result = coverage.run_scenarios(record, FEATURES, f"--cucumberjson={cucumber}")
    return coverage.read_record(record), json.loads(cucumber.read_text(encoding="utf-8")), result


@pytest.fixture(scope="module")
def records(run):
    return run[0]


def markers() -> dict:
    """Registered markers (pyproject.toml): name -> description."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    out = {}
    for line in config["tool"]["pytest"]["ini_options"]["markers"]:
        name, _, description = line.partition(":")
        out[name.strip()] = description.strip()
    return out


# ---------------------------------------------------------------- every rule has a scenario


def test_the_scenarios_ran_and_passed(run, scenarios):
    _, _, result = run
    assert result.returncode == 0, result.stdout[-3000:]
    ran = {(line["feature"], line["scenario"]) for line in run[0]}
    assert ran == {s.key for s in scenarios}, "a scenario was not run, or one ran that the parser does not see"


def test_every_rule_is_fired_by_some_scenario(ruleset, records):
    assert coverage.uncovered_rules(ruleset, records) == []


def test_the_check_names_a_rule_no_scenario_fires(records, tmp_path):
    """The meta-test fails when a rule has no scenario: a copy of rules/ with one more rule, which nothing fires."""
    rules = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES, rules)
    (rules / "99-unexercised.yaml").write_text(textwrap.dedent("""\
        rules:
          - id: a-rule-no-scenario-fires
            title: A rule written for this test
            says: Training under the AECA for unidentified recipients is noted; no scenario has such a proposal.
            citation: {state: usc-22-2378d-a}
            when:
              proposal: {type: proposal, law: law, kind: training, identified: false, fy: 1990}
            then:
              finding: {about: proposal, subject: proposal.ref, effect: note}
        """), encoding="utf-8")
    assert coverage.uncovered_rules(load_ruleset(rules), records) == ["a-rule-no-scenario-fires"]


def test_the_check_names_a_rule_that_lost_its_last_scenario(ruleset, records):
    """Take the only scenario firing a rule out of the record: the check names exactly that rule. The rule is the
    first (by id) that exactly one scenario fires, so that new scenarios do not break the test."""
    by_rule: dict = {}
    for r in records:
        for rule_id in r["fired"]:
            by_rule.setdefault(rule_id, set()).add((r["feature"], r["scenario"]))
    single = sorted(rule_id for rule_id, scenarios in by_rule.items() if len(scenarios) == 1)
    assert single, "every rule is fired by several scenarios: this check needs one fired by exactly one"
    rule = single[0]
    firing = by_rule[rule]
    fewer = [r if (r["feature"], r["scenario"]) not in firing else dict(r, fired=[f for f in r["fired"]
                                                                                 if f != rule])
             for r in records]
    assert coverage.uncovered_rules(ruleset, fewer) == [rule]
    assert f"Rules no scenario fires: `{rule}`." in coverage.render(ruleset, coverage.feature_scenarios(FEATURES),
                                                                      fewer)


# ---------------------------------------------------------------- tags and citations


def test_every_provision_tag_maps_to_a_citation_of_the_rule_set(ruleset):
    provisions = {name for name, description in markers().items() if description.startswith("provision:")}
    unknown = sorted(tag for tag in provisions if coverage.citation_of(tag, ruleset.citations) is None)
    assert not unknown, f"provision tags naming no citation in rules/citations.yaml: {unknown}"
    missing = sorted(coverage.tag_of(c) for c in ruleset.citations if coverage.tag_of(c) not in provisions)
    assert not missing, f"citations without a registered provision tag in pyproject.toml: {missing}"


def test_every_tag_used_is_registered_and_of_a_known_kind(scenarios, ruleset):
    registered = markers()
    kinds = ("provision:", "area:", "case:")
    for name, description in registered.items():
        if name != "engine_disagreement":
            assert description.startswith(kinds), f"marker `{name}`: describe it as one of {kinds}"
    used = {tag for s in scenarios for tag in s.tags}
    assert used <= set(registered), f"tags not registered in pyproject.toml: {sorted(used - set(registered))}"
    for name, description in registered.items():
        if description.startswith("provision:"):
            continue
        assert coverage.citation_of(name, ruleset.citations) is None, f"`{name}` is a citation: call it a provision"


def test_every_scenario_is_tagged_with_a_provision(scenarios, ruleset):
    untagged = [s.label() for s in scenarios if not any(coverage.citation_of(t, ruleset.citations) for t in s.tags)]
    assert not untagged, f"scenarios without a provision tag: {untagged}"


def test_every_provision_a_rule_cites_has_a_scenario(scenarios, ruleset):
    tagged = {t for s in scenarios for t in s.tags}
    cited = {cite for rule in ruleset.rules for cite in rule.citation.values()}
    missing = sorted(c for c in cited if coverage.tag_of(c) not in tagged)
    assert not missing, f"provisions no scenario is tagged with: {missing}"


def test_every_citation_used_by_a_rule_has_a_url(ruleset):
    for rule in ruleset.rules:
        for law, cite in rule.citation.items():
            citation = ruleset.citations[cite]
            assert re.match(r"^https?://\S+$", citation.url or ""), f"`{cite}` (rule `{rule.id}`, {law}) has no url"


def test_tags_select_scenarios_by_provision(run, scenarios):
    """`pytest -m usc_22_2378d_b` selects exactly the scenarios tagged with it (tags are markers)."""
    result = subprocess.run([sys.executable, "-m", "pytest", "features", "-m", "usc_22_2378d_b", "-q",
                             "-p", "no:cacheprovider", "--collect-only"], cwd=ROOT, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    collected = [line for line in result.stdout.splitlines() if "::" in line]
    tagged = [s for s in scenarios if "usc_22_2378d_b" in s.tags]
    rows = sum(max(1, _example_rows(s)) for s in tagged)
    assert len(collected) == rows > 0


def _example_rows(scenario) -> int:
    from pytest_bdd.parser import FeatureParser

    feature = FeatureParser(str(FEATURES), scenario.feature).parse()
    template = feature.scenarios[scenario.name]
    return sum(len(list(e.as_contexts())) for e in template.examples)


# ---------------------------------------------------------------- the scenarios themselves


def test_scenario_names_are_unique_within_a_feature(scenarios):
    keys = [s.key for s in scenarios]
    assert len(keys) == len(set(keys))


def test_every_scenario_asserts_an_outcome(scenarios):
    assert len(scenarios) >= 40
    without = [s.label() for s in scenarios if not any(kind == "then" for kind, _ in s.steps)]
    assert not without, f"scenarios without a Then step: {without}"


def test_cucumber_json_reports_every_scenario_with_its_tags(run, scenarios, ruleset):
    _, report, _ = run
    elements = [e for feature in report for e in feature["elements"]]
    assert {e["name"] for e in elements} == {s.name for s in scenarios}
    assert all(e["steps"] and all(step["result"]["status"] == "passed" for step in e["steps"]) for e in elements)
    for element in elements:
        tags = {t["name"].lstrip("@") for t in element.get("tags", [])}
        assert any(coverage.citation_of(t, ruleset.citations) for t in tags), element["name"]


# ---------------------------------------------------------------- docs/coverage.md


def test_coverage_page_is_up_to_date(ruleset, scenarios, records):
    expected = coverage.render(ruleset, scenarios, records)
    current = (ROOT / "docs" / "coverage.md").read_text(encoding="utf-8")
    assert current == expected, "docs/coverage.md is out of date: run `.venv/bin/python scripts/coverage_table.py`"


# ---------------------------------------------------------------- the vocabulary


@pytest.fixture(scope="module")
def vocabulary():
    """(keywords, pattern) of every step, as features/conftest.py registers them."""
    return load_module("features_conftest_vocabulary", FEATURES / "conftest.py").VOCABULARY


def documented_steps() -> list[str]:
    """The step lines of the ```gherkin examples in features/README.md, without their keyword."""
    text = (FEATURES / "README.md").read_text(encoding="utf-8")
    lines = []
    for block in re.findall(r"```gherkin\n(.*?)```", text, flags=re.S):
        for line in block.splitlines():
            match = re.match(r"\s*(?:Given|When|Then|And|But|\*) (.*\S)\s*$", line)
            if match:
                lines.append(match.group(1))
    return lines


def test_every_step_is_documented_with_an_example(vocabulary):
    examples = documented_steps()
    undocumented = [pattern for _, pattern in vocabulary
                    if not any(re.fullmatch(pattern, example) for example in examples)]
    assert not undocumented, f"steps with no example in features/README.md: {undocumented}"


def test_every_documented_example_is_a_step(vocabulary):
    unknown = [e for e in documented_steps() if not any(re.fullmatch(p, e) for _, p in vocabulary)]
    assert not unknown, f"examples in features/README.md that match no step: {unknown}"


def test_every_scenario_uses_the_documented_vocabulary(vocabulary, scenarios):
    for scenario in scenarios:
        for kind, text in scenario.steps:
            assert any(kind in keywords and re.fullmatch(p, text) for keywords, p in vocabulary), (
                f"{scenario.label()}: `{kind} {text}` is not in the vocabulary")


NEW_FEATURE = """\
@police @usc_22_2378d_a @usc_10_362_a1 @usc_22_2378d_c
Feature: A new scenario written from features/README.md alone

  Background:
    Given both laws apply
    And the as-of date is 2016-03-31
    And these units:
      | id       | name                 | kind   | parent   | personnel |
      | state-pd | the state police     | police |          | 3,000     |
      | swat     | its special unit     | police | state-pd | 150       |
      | traffic  | its traffic division | police | state-pd | 400       |
    And these people:
      | id    | name             | unit | role      | from       |
      | chief | the unit's chief | swat | commander | 2014-01-01 |

  Scenario: A unit whose chief is credibly implicated in torture loses its training
    Given these incidents:
      | id       | date       | violations | people |
      | detainee | 2015-11-02 | torture    | chief  |
    And this information:
      | id     | incident | received   | assessment | assessed on |
      | report | detainee | 2015-11-20 | credible   | 2016-01-15  |
    And these proposals:
      | id       | authority | kind     | units   |
      | tactics  | faa       | training | swat    |
      | signals  | dod       | training | traffic |
    Then under both laws the statuses are:
      | unit     | State      | DoD        |
      | swat     | ineligible | ineligible |
      | traffic  | eligible   | eligible   |
      | state-pd | eligible   | eligible   |
    And 150 personnel are ineligible under the State law
    And the person `chief` is ineligible under both laws
    And the proposal `tactics` is rejected
    And the proposal `signals` is approved
    And a task `inform-foreign-government` is open for `swat` under the State law
    And the finding for `swat` under the DoD law cites `usc-10-362-a1`
"""


def test_an_analyst_can_write_a_new_scenario_from_the_vocabulary(tmp_path, vocabulary):
    """A new .feature beside a copy of features/conftest.py runs and passes: no Python written for it."""
    folder = tmp_path / "features"
    folder.mkdir()
    shutil.copy(FEATURES / "conftest.py", folder / "conftest.py")
    (folder / "new.feature").write_text(NEW_FEATURE, encoding="utf-8")
    (folder / "test_new.py").write_text('from pytest_bdd import scenarios\n\nscenarios(".")\n', encoding="utf-8")
    registered = [f"    {name}: {description}" for name, description in markers().items()] + ["    police: area"]
    (tmp_path / "pytest.ini").write_text("[pytest]\nbdd_features_base_dir = features/\naddopts = --strict-markers\n"
                                         "filterwarnings =\n    error\n    ignore::DeprecationWarning:durable.engine\n"
                                         "markers =\n" + "\n".join(registered) + "\n", encoding="utf-8")
    new = [s for s in coverage.feature_scenarios(folder)]
    for scenario in new:  # only documented steps
        for kind, text in scenario.steps:
            assert any(kind in keywords and re.fullmatch(p, text) for keywords, p in vocabulary), text
    result = subprocess.run([sys.executable, "-m", "pytest", "features", "-q", "-p", "no:cacheprovider"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "1 passed" in result.stdout
