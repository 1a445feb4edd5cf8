"""Slips that used to change a decision without a word (issue 7): each is now one clear error, exit status 2.

Every test below failed before its fix: the slip was read silently (a renamed file left out, a range starting
before its incident, an assessment before its receipt, an empty `alleges`, a misspelt literal in a rule, an
empty case, `-o` over an input, `count: true` read as 1, ...). `expect_error` (tests/conftest.py) checks the
error contract: exit 2, nothing on stdout, one `error: FILE:LINE: `field`: ...` line, a hint line, no traceback.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from strategies import random_case_and_date
from vetting import facts as factlib
from vetting import safeyaml
from vetting.errors import InputError
from vetting.case.load import load_case
from vetting.law.ruleset import DEFAULT_RULES

MEXICO = Path(__file__).resolve().parent.parent / "cases" / "mexico-2015"


def _e(data: dict, collection: str, entity_id: str) -> dict:
    return next(e for e in data[collection] if e["id"] == entity_id)


def _mexico(tmp_path: Path) -> Path:
    folder = tmp_path / "mexico-2015"
    shutil.copytree(MEXICO, folder)
    return folder


def _units(run_cli, *argv) -> list:
    """The register's units (the list users act on), as JSON."""
    status, out, err = run_cli("register", *argv, "--as-of", "2015-05-08", "--format", "json")
    assert (status, err) == (0, ""), err
    return _register_units(json.loads(out))


def _register_units(data: dict) -> list:
    """Every unit of a register, in whichever section (vetting-register/2)."""
    return [row for section in ("barred", "assessments", "withheld", "suspended") for row in data[section]]


def _split(make_case, data: dict, folder: str = "case") -> tuple[Path, Path]:
    """The case as `folder/a.yaml` (all but proposals and determinations) and `folder/b.yaml` (those)."""
    rest = {"proposals": data.pop("proposals"), "determinations": data.pop("determinations")}
    return make_case(data=data, name=f"{folder}/a.yaml"), make_case(data=rest, name=f"{folder}/b.yaml")


# ---------------------------------------------------------------- 1. every file in a folder read or refused


def test_a_case_file_renamed_in_upper_case_is_read(tmp_path, run_cli):
    # `information.YAML` was left out: `register` said no unit is barred or suspended, with exit status 0
    expected = _units(run_cli, MEXICO)
    assert expected, "the shipped case has barred or suspended units"
    folder = _mexico(tmp_path)
    (folder / "information.yaml").rename(folder / "information.YAML")
    (folder / "units.yaml").rename(folder / "units.Yml")
    assert _units(run_cli, folder) == expected


def test_a_case_file_in_a_subfolder_is_refused(tmp_path, run_cli, expect_error):
    folder = _mexico(tmp_path)
    (folder / "more").mkdir()
    (folder / "information.yaml").rename(folder / "more" / "information.yaml")
    expect_error(run_cli("register", folder, "--as-of", "2015-05-08"), folder / "more" / "information.yaml",
                 None, None, "this file is not read: case files are read only from the top of the case folder",
                 hint=f"move it up into `{folder}`, or into `hypotheses/`")


@pytest.mark.parametrize("name", ["units.txt", "information.yaml~", "proposals.yaml.bak", "units"])
def test_a_file_that_is_no_case_file_is_refused(tmp_path, make_case, case_data, run_cli, expect_error, name):
    _split(make_case, case_data)
    (tmp_path / "case" / name).write_text("units: []\n", encoding="utf-8")
    expect_error(run_cli("validate", tmp_path / "case"), tmp_path / "case" / name, None, None,
                 "this file is not read: it is neither a case file (`.yaml`, `.yml`, `.json`) nor the text of a source",
                 hint="README and NOTES files, `import-log.txt` and names starting with `.` are ignored")


def test_a_text_no_source_names_is_refused(tmp_path, run_cli, expect_error):
    folder = _mexico(tmp_path)
    (folder / "sources" / "second-article.txt").write_text("another article\n", encoding="utf-8")
    expect_error(run_cli("validate", folder), folder / "sources" / "second-article.txt", None, None,
                 "nor the text of a source")


def test_what_a_case_folder_may_hold_beside_its_files(tmp_path, run_cli):
    """README and NOTES files, hidden files and folders, and anything under `hypotheses/` are not read."""
    folder = _mexico(tmp_path)
    for name in ("NOTES.txt", "notes.md", "readme", ".DS_Store", ".units.yaml.swp", ".draft.yaml", ".git/config",
                 "hypotheses/draft.txt", "hypotheses/old/h.yaml", "sources/README.md"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("not data\n", encoding="utf-8")
    status, out, err = run_cli("validate", folder)
    assert (status, err) == (0, "") and out.startswith("ok: mexico-2015: 18 sources, 10 units"), err


def test_a_rule_file_renamed_in_upper_case_is_read(tmp_path, run_cli):
    # `30-attribution.YAML` was left out: the register went from 5 units to 1
    expected = _units(run_cli, MEXICO)
    rules = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES, rules)
    (rules / "30-attribution.yaml").rename(rules / "30-attribution.YAML")
    assert _units(run_cli, MEXICO, "--rules", rules) == expected


def test_a_rule_file_in_a_subfolder_is_refused(tmp_path, run_cli, expect_error):
    rules = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES, rules)
    (rules / "old").mkdir()
    (rules / "30-attribution.yaml").rename(rules / "old" / "30-attribution.yaml")
    expect_error(run_cli("register", MEXICO, "--as-of", "2015-05-08", "--rules", rules),
                 rules / "old" / "30-attribution.yaml", None, None,
                 "this file is not read: rule files are read only from the top of the rule folder",
                 hint=f"move it up into `{rules}`")


def test_a_file_that_is_no_rule_file_is_refused_and_notes_are_not(tmp_path, run_cli, expect_error):
    rules = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES, rules)
    (rules / "README.md").write_text("our rules\n", encoding="utf-8")
    (rules / ".hidden").write_text("x\n", encoding="utf-8")
    assert _units(run_cli, MEXICO, "--rules", rules) == _units(run_cli, MEXICO)
    (rules / "30-attribution.yaml").rename(rules / "30-attribution.yaml.off")
    expect_error(run_cli("register", MEXICO, "--as-of", "2015-05-08", "--rules", rules),
                 rules / "30-attribution.yaml.off", None, None,
                 "this file is not read: it is not a rule file (`.yaml`, `.yml`)", hint="move it out of the rule")


# ---------------------------------------------------------------- 2, 3. dates in an order that cannot be


DATE_SLIPS = [
    # (test id, mutation, (text on the bad line, text it comes after), field, message words, hint)
    ("received-range-starts-before-incident",
     lambda d: _e(d, "information", "report").update(received={"from": "2014-06-01", "to": "2014-07-15"}),
     ("from: 2014-06-01", "received:"), "information[0].received.from",
     ["the `received` range starts (2014-06-01) before the incident it describes began (2014-06-30)"],
     "start the range on or after 2014-06-30"),
    ("assessed-before-received",
     lambda d: _e(d, "information", "report")["assessment"].update(on="2013-09-01"),
     ("2013-09-01", None), "information[0].assessment.on",
     ["assessed (2013-09-01) before the information was received (2014-07-01)"], "check the year"),
    ("assessed-before-a-range-begins",
     lambda d: _e(d, "information", "report").update(received={"from": "2014-08-01", "to": "2014-08-31"},
                                                     assessment={"status": "pending", "on": "2014-07-31"}),
     ("2014-07-31", None), "information[0].assessment.on",
     ["assessed (2014-07-31) before the information was received (2014-08-01)"], None),
    ("investigation-closed-before-opened",
     lambda d: _e(d, "investigations", "inquiry").update(opened="2014-08-01", closed="2014-07-01"),
     ("closed: 2014-07-01", None), "investigations[0].closed",
     ["`closed` (2014-07-01) is before `opened` (2014-08-01)"], None),
    ("investigation-opened-before-incident",
     lambda d: _e(d, "investigations", "inquiry").update(opened="2013-06-30"),
     ("opened: 2013-06-30", None), "investigations[0].opened",
     ["opened (2013-06-30) before the incident it investigates began (2014-06-30)"], None),
    ("determination-made-before-its-incident",
     lambda d: d["determinations"].append({"id": "steps", "kind": "state-effective-steps", "unit": "battalion",
                                           "incidents": ["killing"], "made": "2013-03-01", "sources": ["news"]}),
     ("- killing", "- id: steps"), "determinations[1].incidents[0]",
     ["the determination is made (2013-03-01) before the incident `killing` began (2014-06-30)"],
     "check the year"),
    ("determination-reported-before-made",
     lambda d: _e(d, "determinations", "waiver").update(reported="2014-12-01"),
     ("- id: waiver", None), "determinations[0]", ["`reported` (2014-12-01) is before `made` (2015-01-01)"], None),
]


@pytest.mark.parametrize("mutate, where, field, words, hint", [pytest.param(*row[1:], id=row[0])
                                                               for row in DATE_SLIPS])
def test_dates_in_an_impossible_order(make_case, run_cli, expect_error, at, mutate, where, field, words, hint):
    path = make_case(mutate)
    expect_error(run_cli("validate", path), path, at(path, *where), field, *words, hint=hint)


def test_a_received_range_within_the_incident_and_an_assessment_within_the_range_are_fine(make_case, run_cli):
    def mutate(data):
        _e(data, "incidents", "killing")["date"] = {"from": "2014-06-01", "to": "2014-06-30"}
        _e(data, "information", "report").update(received={"from": "2014-06-15", "to": "2014-07-31"},
                                                 assessment={"status": "credible", "on": "2014-06-20"})

    status, out, err = run_cli("validate", make_case(mutate))
    assert (status, err) == (0, "") and out.startswith("ok:")


# ---------------------------------------------------------------- 4. an empty `alleges`


@pytest.mark.parametrize("alleges", [{}, {"units": []}, {"units": [], "people": []}],
                         ids=["empty", "no-units", "no-units-no-people"])
def test_an_empty_alleges_is_an_error(make_case, run_cli, expect_error, at, alleges):
    path = make_case(lambda d: _e(d, "information", "report").update(alleges=alleges))
    expect_error(run_cli("validate", path), path, at(path, "alleges:"), "information[0].alleges",
                 "`alleges` names no unit and no person", hint="leave `alleges` out to implicate the incident's")


def test_a_missing_alleges_is_the_incidents_perpetrators(make_case, run_cli):
    path = make_case(lambda d: _e(d, "information", "report").pop("alleges", None))
    status, out, _ = run_cli("register", path, "--as-of", "2015-05-08", "--format", "json")
    assert status == 0 and [u["id"] for u in _register_units(json.loads(out))] == ["battalion"]


# ---------------------------------------------------------------- 5. misspelt literals in a rule's `when`


def _extra_rule(tmp_path, when: str, subject: str = "x.ref") -> Path:
    rules = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES, rules)
    path = rules / "15-extra.yaml"
    path.write_text("rules:\n  - id: extra\n    title: An extra rule\n    says: Something.\n"
                    "    citation: {state: usc-22-2378d-a}\n"
                    f"    when:\n      {when}\n"
                    f"    then: {{finding: {{about: unit, subject: {subject}, effect: note}}}}\n", encoding="utf-8")
    return path


LITERAL_SLIPS = [
    # (test id, the `when` entry, the subject, field, message words, hint)
    ("status", "x: {type: information, status: credibel}", "x.ref", "rules[0].when.x.status",
     ["rule `extra`: `credibel` is never the `status` of a `information` fact"], "did you mean `credible`?"),
    ("violation-kind", "x: {type: violation, kind: extrajudical-killing}", "x.information", "rules[0].when.x.kind",
     ["`extrajudical-killing` is never the `kind` of a `violation` fact"], "did you mean `extrajudicial-killing`?"),
    ("effect-in-one-of", "x: {type: finding, effect: {one_of: [bar, suspnd]}}", "x.subject",
     "rules[0].when.x.effect.one_of[1]", ["`suspnd` is never the `effect` of a `finding` fact"],
     "did you mean `suspend`?"),
    ("role-not", "x: {type: posting, role: {not: comander}}", "x.unit", "rules[0].when.x.role.not",
     ["`comander` is never the `role` of a `posting` fact"], "did you mean `commander`?"),
    ("boolean-as-number", "x: {type: incident, identified: 0}", "x.ref", "rules[0].when.x.identified",
     ["`0` is never the `identified` of a `incident` fact"], "one of: `false`, `true`"),
    ("boolean-as-text", "x: {type: proposal, identified: 'no'}", "x.ref", "rules[0].when.x.identified",
     ["`no` is never the `identified` of a `proposal` fact"], None),
    ("law-of-a-proposal", "x: {type: proposal, law: State}", "x.ref", "rules[0].when.x.law",
     ["`State` is never the `law` of a `proposal` fact"], "did you mean `state`?"),
    ("review-in-any", "x: {type: information, any: [{review: none}, {review: gros}]}", "x.ref",
     "rules[0].when.x.any[1].review", ["`gros` is never the `review` of a `information` fact"],
     "did you mean `gross`?"),
    # the values of facts the rules conclude come from the rules that conclude them
    ("derived-level", "x: {type: held, level: credibel}", "x.information", "rules[0].when.x.level",
     ["`credibel` is never the `level` of a `held` fact"], "did you mean `credible`?"),
    ("finding-scope", "x: {type: finding, scope: drect}", "x.subject", "rules[0].when.x.scope",
     ["`drect` is never the `scope` of a `finding` fact"], "did you mean `direct`?"),
    ("task-kind", "x: {type: task, kind: identify-units}", "x.subject", "rules[0].when.x.kind",
     ["`identify-units` is never the `kind` of a `task` fact"], "did you mean `identify-unit`?"),
    ("finding-rule", "x: {type: finding, rule: unit-implicatd}", "x.subject", "rules[0].when.x.rule",
     ["`unit-implicatd` is never the `rule` of a `finding` fact"], "did you mean `unit-implicated`?"),
    # a date field compared with a number: whole days since 1970 were compared, silently
    ("date-as-number", "x: {type: information, received: {at_most: 16436}}", "x.ref",
     "rules[0].when.x.received.at_most", ["`received` of a `information` fact is a date, and `16436` is not"],
     "compare it with a date written `YYYY-MM-DD`"),
    ("date-non-ascii-digits", "x: {type: information, received: {at_most: ٢٠١٥-٠١-٠١}}", "x.ref",
     "rules[0].when.x.received.at_most", ["is not a date written `YYYY-MM-DD`: digits must be ASCII 0-9"], None),
]


@pytest.mark.parametrize("when, subject, field, words, hint", [pytest.param(*row[1:], id=row[0])
                                                               for row in LITERAL_SLIPS])
def test_a_misspelt_literal_in_a_rule_is_a_compile_error(tmp_path, run_cli, expect_error, at, when, subject,
                                                         field, words, hint):
    path = _extra_rule(tmp_path, when, subject)
    expect_error(run_cli("evaluate", MEXICO, "--as-of", "2015-05-08", "--rules", path.parent), path,
                 at(path, when.split(":")[0] + ":"), field, *words, hint=hint)


def test_a_misspelt_literal_in_a_shipped_rule_is_a_compile_error(tmp_path, run_cli, expect_error, at):
    rules = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES, rules)
    path = rules / "40-hierarchy.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.index("effect: {one_of: [bar, suspend]}") < text.index("- id:", text.index("bar-covers-units-under"))
    path.write_text(text.replace("effect: {one_of: [bar, suspend]}", "effect: {one_of: [bar, suspnd]}", 1))  # rule 0
    expect_error(run_cli("register", MEXICO, "--as-of", "2015-05-08", "--rules", rules), path,
                 at(path, "suspnd"), "rules[0].when.finding.effect.one_of[1]",
                 "rule `bar-covers-units-under`: `suspnd` is never the `effect` of a `finding` fact",
                 hint="did you mean `suspend`?")


def test_a_literal_on_a_field_of_ids_is_not_checked(tmp_path, run_cli):
    """An id is the case's to choose: a rule may name one (here no unit has it, so nothing changes)."""
    path = _extra_rule(tmp_path, "x: {type: unit, ref: some-unit}")
    assert _units(run_cli, MEXICO, "--rules", path.parent) == _units(run_cli, MEXICO)


@pytest.mark.parametrize("seed", range(40))
def test_the_values_rules_may_name_are_the_values_facts_hold(seed):
    """facts.FACT_VALUES and DATE_FIELDS, which the compiler checks literals against, hold every value that
    facts.build puts in those fields: the check can never refuse a value a case can produce."""
    case, as_of = random_case_and_date(seed)
    for fact in factlib.build(case, as_of) + factlib.build(load_case(MEXICO), as_of):
        for key, value in fact.items():
            if (fact["t"], key) in factlib.FACT_VALUES:
                assert value in factlib.FACT_VALUES[fact["t"], key] and type(value) in (str, bool), (fact, key)
            if (fact["t"], key) in factlib.DATE_FIELDS:
                assert type(value) is int, (fact, key)


# ---------------------------------------------------------------- 6. an empty case, a case with nothing in it


def test_a_case_with_no_units_is_an_error(make_case, run_cli, expect_error):
    path = make_case(data={"case": {"id": "c", "title": "A case"},
                           "sources": [{"id": "news", "title": "A report", "publisher": "A newspaper"}]})
    expect_error(run_cli("validate", path), path, None, "units", "the case has no units",
                 hint="list the units of the security forces under `units`")


def test_a_hypothesis_that_removes_every_unit_is_an_error(tmp_path, make_case, make_hypothesis, run_cli,
                                                         expect_error, at):
    path = make_case(data={"case": {"id": "c", "title": "A case"},
                           "sources": [{"id": "news", "title": "A report", "publisher": "A newspaper"}],
                           "units": [{"id": "army", "name": "The army", "kind": "military", "country": "MX",
                                      "sources": ["news"]}]})
    hypothesis = make_hypothesis(remove={"units": ["army"]})
    expect_error(run_cli("validate", path, "--with", hypothesis), hypothesis, at(hypothesis, "- army"),
                 "remove.units", "the hypothesis removes every unit of the case")


def test_a_hypothesis_that_changes_nothing_is_an_error(make_case, make_hypothesis, run_cli, expect_error):
    hypothesis = make_hypothesis(add={"units": []})
    expect_error(run_cli("validate", make_case(), "--with", hypothesis), hypothesis, 1, "hypothesis",
                 "the hypothesis changes nothing", hint="`add`, `replace`, `patch` or `remove`")


# ---------------------------------------------------------------- 7. `-o` naming an input


def _outputs(tmp_path, make_case, case_data, make_hypothesis):
    """(argv before -o, output, what the error says) for every kind of input an output may name."""
    a, b = _split(make_case, case_data)
    single = make_case(name="single/case.yaml")
    hypothesis = make_hypothesis("h.yaml", add={"units": [{"id": "brigade", "name": "The brigade",
                                                             "kind": "military", "country": "MX",
                                                             "sources": ["news"]}]})
    rules = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES, rules)
    link = tmp_path / "link.yaml"
    link.symlink_to(single)
    hard = tmp_path / "hard.yaml"
    os.link(single, hard)
    folder = a.parent
    return [
        ("case-file", [single], single, "it is an input of this run"),
        ("file-in-case-folder", [folder], b, f"it is inside the case folder `{folder}`"),
        ("new-file-in-case-folder", [folder], folder / "report.json", "it is inside the case folder"),
        ("hypothesis", [single, "--with", hypothesis], hypothesis, "it is an input of this run"),
        ("rule-file", [single, "--rules", rules], rules / "30-attribution.yaml", "inside the rule folder"),
        ("shipped-rule-file", [single], DEFAULT_RULES / "30-attribution.yaml", "inside the rule folder"),
        ("symbolic-link", [single], link, "it is an input of this run"),
        ("hard-link", [single], hard, "it is an input of this run"),
        ("relative-spelling", [single], single.parent / ".." / "single" / "case.yaml", "an input of this run"),
    ]


@pytest.mark.parametrize("command", ["evaluate", "register", "whatif", "explain"])
def test_an_output_that_names_an_input_is_refused_before_anything_is_written(
        tmp_path, make_case, case_data, make_hypothesis, run_cli, expect_error, command):
    for name, argv, output, words in _outputs(tmp_path, make_case, case_data, make_hypothesis):
        before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file() and not p.is_symlink()}
        head = ["explain", "battalion"] if command == "explain" else [command]
        expect_error(run_cli(*head, *argv, "--as-of", "2015-05-08", "-o", output), output, None, None,
                     "cannot write there:", words)
        after = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file() and not p.is_symlink()}
        assert after == before, name


def test_an_output_naming_the_source_text_of_a_single_case_file_is_refused(tmp_path, make_case, run_cli,
                                                                            expect_error):
    path = make_case()
    before = (tmp_path / "article.txt").read_bytes()
    expect_error(run_cli("evaluate", path, "--as-of", "2015-05-08", "-o", tmp_path / "article.txt"),
                 tmp_path / "article.txt", None, None, "cannot write there: it is the text of the source `article`")
    assert (tmp_path / "article.txt").read_bytes() == before


def test_an_output_beside_a_single_case_file_is_fine(tmp_path, make_case, run_cli):
    path = make_case()
    (tmp_path / "old-report.txt").write_text("yesterday\n", encoding="utf-8")
    for name in ("report.txt", "old-report.txt"):  # a new file, and one that exists but is no input
        status, _, err = run_cli("evaluate", path, "--as-of", "2015-05-08", "-o", tmp_path / name)
        assert (status, err) == (0, "") and "battalion" in (tmp_path / name).read_text()


# ---------------------------------------------------------------- 8. the size bound, counted while reading


def test_a_huge_list_is_refused_while_it_is_read(tmp_path, run_cli, expect_error):
    # an 8 MiB list took 4 min 44 s and 2.6 GB before the error; now it stops at the 200,001st value
    path = tmp_path / "case.yaml"
    path.write_text("units:\n" + "- 1\n" * 2_000_000, encoding="utf-8")
    assert path.stat().st_size > 7 * 1024 * 1024
    # the root mapping and the list are values 1 and 2: value 200,001 is the item on line 200,000
    expect_error(run_cli("validate", path), path, 200_000, None, "the document expands to more than 200000 values",
                 hint="split it into several files in one folder")


def test_a_huge_flow_list_is_refused_while_it_is_read(tmp_path, run_cli, expect_error):
    path = tmp_path / "case.yaml"
    path.write_text("units: [" + "1, " * 1_000_000 + "]\n", encoding="utf-8")
    expect_error(run_cli("validate", path), path, 1, None, "the document expands to more than 200000 values")


@pytest.mark.parametrize("fast", [True, False], ids=["libyaml-count", "composer-count"])
def test_the_count_while_reading_is_the_count_of_values(tmp_path, monkeypatch, fast):
    """Both counts (libyaml's pass before composing, the composer's own without libyaml) agree with the count of
    the values built: a file of exactly the bound loads, one value more fails on the line of that value."""
    monkeypatch.setattr(safeyaml, "MAX_NODES", 10)
    if not fast:
        monkeypatch.setattr(safeyaml, "_FastParser", None)
    path = tmp_path / "f.yaml"
    # values: the root, `a`'s list and its 3 items, `b`'s mapping and its 2 values, `c` and `d`: 10 (keys are not)
    text = "a: [1, 2, 3]\nb: {x: 1, y: [ ]}\nc: text\nd: null\n"
    path.write_text(text, encoding="utf-8")
    assert safeyaml.load(path).data["a"] == [1, 2, 3]
    path.write_text(text + "e: one value too many\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        safeyaml.load(path)
    assert (caught.value.line, caught.value.message) == (5, "the document expands to more than 10 values")


# ---------------------------------------------------------------- 9. messages


def test_a_nul_byte_names_its_line(make_case, run_cli, expect_error, at):
    path = make_case()
    line = at(path, "name: The zone")
    path.write_bytes(path.read_bytes().replace(b"name: The zone", b"name: The \x00zone"))
    expect_error(run_cli("validate", path), path, line, None, "the file holds the character `\\x00`",
                 hint="no control characters")



@pytest.mark.parametrize("character", ["\x00", "\x7f"], ids=["nul", "del"])
def test_a_control_character_in_a_hypothesis_names_file_and_line(make_case, make_hypothesis, run_cli, expect_error,
                                                                 at, character):
    # found by fuzzing: PyYAML's own message, over two lines, with a character position and no line number
    case = make_case()
    hypothesis = make_hypothesis(remove={"units": ["battalion"]})
    line = at(hypothesis, "battalion")
    hypothesis.write_text(hypothesis.read_text(encoding="utf-8").replace("battalion", "batt" + character + "alion"),
                          encoding="utf-8")
    expect_error(run_cli("validate", case, "--with", hypothesis), hypothesis, line, None,
                 f"the file holds the character `{ascii(character)[1:-1]}`", hint="no control characters")


def test_a_line_break_in_a_quoted_value_is_written_out(make_case, run_cli, expect_error, at):
    # found by fuzzing: `"extra\nkilling"` was echoed as it is, so the error spread over two lines
    path = make_case(lambda d: _e(d, "incidents", "killing").update({"violations": ["extra\nkilling"]}))
    expect_error(run_cli("validate", path), path, at(path, "extra"), "incidents[0].violations[0]",
                 "`extra\\nkilling` is not one of:")


def test_a_line_break_in_an_id_is_written_out(make_case, run_cli, expect_error, at):
    path = make_case(lambda d: _e(d, "units", "battalion").update({"id": "batt\nalion"}))
    expect_error(run_cli("validate", path), path, at(path, "batt"), "units[2].id", "`batt\\nalion` is not a valid id")


def test_a_line_break_in_a_file_name_is_written_out(make_case, run_cli, expect_error, at):
    path = make_case(lambda d: _e(d, "incidents", "killing").update({"date": "2014-02-30"}), name="a\nb/case.yaml")
    expect_error(run_cli("validate", path), str(path).replace("\n", "\\n"), at(path, "2014-02-30"),
                 "incidents[0].date", "not a real calendar date")


def test_an_error_never_holds_a_line_break():
    error = InputError("`a\nb` is not\r known", file="x\ny.yaml", field="k\nl", hint="write\nit")
    assert "\n" not in error.message + error.file + error.field + error.hint and "\r" not in error.message
    assert str(error) == "error: x\\ny.yaml: `k\\nl`: `a\\nb` is not\\r known\n  hint: write\\nit"


@pytest.mark.parametrize("digits", ["٢٠١٤-٠١-٠١", "２０１４-０１-０１"], ids=["arabic-indic", "full-width"])
def test_non_ascii_digits_in_a_date_are_named_as_the_cause(make_case, run_cli, expect_error, at, digits):
    path = make_case(lambda d: _e(d, "units", "zone")["parents"][0].update({"from": digits}))
    expect_error(run_cli("validate", path), path, at(path, digits), "units[1].parents[0].from",
                 f"`{digits}` is not a date written `YYYY-MM-DD`: digits must be ASCII 0-9")


@pytest.mark.parametrize("first", ["a", "b"])
def test_a_case_in_two_folders_finds_its_source_texts_in_each(tmp_path, make_case, case_data, run_cli, first):
    """`b/` declares the source whose text it ships: the text is found whichever folder is named first."""
    sources = case_data.pop("sources")
    make_case(data=case_data, name="a/case.yaml")
    (tmp_path / "a" / "article.txt").unlink()
    make_case(data={"sources": sources}, name="b/sources.yaml")
    folders = [tmp_path / "a", tmp_path / "b"]
    status, out, err = run_cli("validate", *(folders if first == "a" else folders[::-1]))
    assert (status, err) == (0, "") and out.startswith("ok: test-case: 2 sources"), err


def test_a_source_text_is_found_in_another_folder_of_the_case(tmp_path, make_case, case_data, run_cli):
    make_case(data=case_data, name="a/case.yaml")
    (tmp_path / "a" / "article.txt").rename(tmp_path / "article.txt")
    (tmp_path / "b").mkdir()
    (tmp_path / "article.txt").rename(tmp_path / "b" / "article.txt")
    (tmp_path / "b" / "more.yaml").write_text("investigations: []\n", encoding="utf-8")
    status, out, err = run_cli("validate", tmp_path / "a", tmp_path / "b")
    assert (status, err) == (0, "") and out.startswith("ok: test-case:"), err


BLANK_TEXT = [
    ("unit-name", lambda d: _e(d, "units", "army").update(name="   "), ("name: '   '", None), "units[0].name"),
    ("case-title", lambda d: d["case"].update(title="\t "), ("title: \"\\t \"", None), "case.title"),
    ("quote", lambda d: _e(d, "incidents", "killing")["sources"][0].update(quote="    "), ("quote: '    '", None),
     "incidents[0].sources[0].quote"),
    ("assumption", lambda d: _e(d, "units", "zone").update(assumption="   "), ("assumption: '   '", None),
     "units[1].assumption"),
    ("alias", lambda d: _e(d, "units", "zone").update(aliases=["Zone 22", "  "]), ("aliases:", None),
     "units[1].aliases"),
]


@pytest.mark.parametrize("mutate, where, field", [pytest.param(*row[1:], id=row[0]) for row in BLANK_TEXT])
def test_text_of_spaces_only_is_refused(make_case, run_cli, expect_error, at, mutate, where, field):
    path = make_case(mutate)
    expect_error(run_cli("validate", path), path, at(path, *where), field, "expected text, not only spaces")


NOT_NUMBERS = [
    ("count-true", lambda d: _e(d, "people", "zone-commander").update(count=True), ("count: true", None),
     "people[0].count", "expected a whole number, not `true`", None),
    ("personnel-false", lambda d: _e(d, "units", "zone").update(personnel=False), ("personnel: false", None),
     "units[1].personnel", "expected a whole number, not `false`", None),
    ("count-quoted", lambda d: _e(d, "people", "zone-commander").update(count="5"), ("count: '5'", None),
     "people[0].count", "expected a whole number, not `5`", "write the number without quotes"),
    ("victims-true", lambda d: _e(d, "incidents", "killing").update(victims={"count": True}), ("count: true", None),
     "incidents[0].victims.count", "expected a whole number, not `true`", None),
    ("amount-true", lambda d: _e(d, "proposals", "dod-training").update(amount={"value": True}),
     ("value: true", None), "proposals[0].amount.value", "expected a number, not `true`", None),
]


@pytest.mark.parametrize("mutate, where, field, words, hint", [pytest.param(*row[1:], id=row[0])
                                                               for row in NOT_NUMBERS])
def test_a_boolean_is_not_a_number(make_case, run_cli, expect_error, at, mutate, where, field, words, hint):
    path = make_case(mutate)
    expect_error(run_cli("validate", path), path, at(path, *where), field, words, hint=hint)
