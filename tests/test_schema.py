"""`vetting schema` prints a JSON Schema that editors can use to complete and check case files (design §2).

The schema must accept what the loader accepts in shape (shorthands included: a bare source id for a citation,
a bare date for a day-or-range) and reject what the models reject in shape (unknown keys, values outside a
vocabulary). It cannot see across entities: references, cycles and quotes are the loader's to check.
"""
from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import jsonschema
import pytest

from vetting import safeyaml
from vetting.cli import main

ROOT = Path(__file__).resolve().parents[1]
CASE_FILES = sorted(p for p in (ROOT / "cases").glob("*/*.y*ml") if p.suffix in (".yaml", ".yml"))
HYPOTHESIS_FILES = sorted(p for p in (ROOT / "cases").glob("*/hypotheses/*.y*ml") if p.suffix in (".yaml", ".yml"))


def _schema(run_cli, *options) -> dict:
    status, out, err = run_cli("schema", *options)
    assert (status, err) == (0, "")
    return json.loads(out)


def _printed_schema(*options) -> jsonschema.Draft202012Validator:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["schema", *options]) == 0
    return jsonschema.Draft202012Validator(json.loads(out.getvalue()))


@pytest.fixture(scope="module")
def case_schema():
    return _printed_schema()


@pytest.fixture(scope="module")
def hypothesis_schema():
    return _printed_schema("--hypothesis")


def _errors(validator, path: Path) -> list[str]:
    data = safeyaml.load(path).data
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)]


@pytest.mark.parametrize("options", [(), ("--hypothesis",)], ids=["case", "hypothesis"])
def test_schema_is_a_json_schema(run_cli, options):
    schema = _schema(run_cli, *options)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["additionalProperties"] is False


def test_periods_use_the_alias_from(run_cli):
    defs = _schema(run_cli)["$defs"]
    for name in ("ParentLink", "Posting", "Proposal", "DayRange"):
        assert "from" in defs[name]["properties"] and "from_" not in defs[name]["properties"], name


def test_schema_to_a_file_is_the_same_as_printed(run_cli, tmp_path):
    target = tmp_path / "case.schema.json"
    status, out, err = run_cli("schema", "-o", target)
    assert (status, out, err) == (0, "", "")
    assert json.loads(target.read_text(encoding="utf-8")) == _schema(run_cli)
    assert [p.name for p in tmp_path.iterdir()] == ["case.schema.json"]  # no temporary file left behind


def test_the_minimal_case_is_valid(case_schema, make_case):
    # it uses both shorthands: `sources: [news]` and `date: 2014-06-30`
    assert _errors(case_schema, make_case()) == []


def test_the_long_forms_are_valid(case_schema, make_case):
    def mutate(data):
        data["units"][0]["sources"] = [{"source": "news", "locator": "p. 2"}]
        data["incidents"][0]["date"] = {"from": "2014-06-29", "to": "2014-06-30"}

    assert _errors(case_schema, make_case(mutate)) == []


@pytest.mark.parametrize("mutate, expected", [
    (lambda d: d["units"][1].update(personel=10000), "Additional properties are not allowed ('personel'"),
    (lambda d: d["units"][1].update(kind="millitary"), "'millitary' is not one of"),
    (lambda d: d["incidents"][0].update(violations="torture"), "'torture' is not of type 'array'"),
    (lambda d: d["units"][0].update(id=42), "42 is not of type 'string'"),
    (lambda d: d.update(unit=[]), "Additional properties are not allowed ('unit'"),
    (lambda d: d["units"][0].pop("kind"), "'kind' is a required property"),
], ids=["unknown-key", "vocabulary", "string-for-list", "number-for-id", "unknown-section", "missing-key"])
def test_an_invalid_case_fails(case_schema, make_case, mutate, expected):
    errors = _errors(case_schema, make_case(mutate))
    assert any(expected in e for e in errors), errors


def test_a_hypothesis_is_valid_and_an_invalid_one_fails(hypothesis_schema, make_hypothesis):
    unit = {"id": "brigade", "name": "The brigade", "kind": "military", "country": "MX", "sources": ["news"]}
    assert _errors(hypothesis_schema, make_hypothesis(add={"units": [unit]}, remove={"units": ["zone"]})) == []
    errors = _errors(hypothesis_schema, make_hypothesis(remvoe={"units": ["zone"]}))
    assert any("Additional properties are not allowed ('remvoe'" in e for e in errors), errors


@pytest.mark.parametrize("path", CASE_FILES or [pytest.param(None, marks=pytest.mark.skip(
    reason="no case files in cases/*/ yet"))], ids=lambda p: str(p.relative_to(ROOT)) if p else "none")
def test_every_shipped_case_file_matches_the_schema(case_schema, path):
    assert _errors(case_schema, path) == []


@pytest.mark.parametrize("path", HYPOTHESIS_FILES or [pytest.param(None, marks=pytest.mark.skip(
    reason="no hypotheses in cases/*/hypotheses/ yet"))], ids=lambda p: str(p.relative_to(ROOT)) if p else "none")
def test_every_shipped_hypothesis_matches_the_schema(hypothesis_schema, path):
    assert _errors(hypothesis_schema, path) == []
