"""Shared fixtures: a minimal valid case that a test can mutate, and a way to run the command and read its error.

`make_case(mutate)` writes `minimal_case()` (a plain dict, deep-copied) as YAML into the test's `tmp_path`,
after `mutate(data)` has changed it, together with `article.txt`, the shipped text of the `article` source;
`case_data` is that dict, to split or reshape; `make_hypothesis(**sections)` writes an overlay.
`line_of(path, text)` finds the line where a test's bad value landed, so no test counts lines by hand.
Test modules use these fixtures and do not import this file (another conftest.py may share its module name).
`run_cli(argv)` runs `vetting.cli.main` in-process and returns (status, stdout, stderr).
`assert_input_error(...)` checks the error contract: exit 2, one `error: FILE:LINE: `field`: ...` line, an
optional `  hint: ...` line, nothing on stdout and no traceback.
The environment variable VETTING_RULES, when set, names the rule folder the tests use instead of rules/
(scripts/mutate_rules.py runs the tests on mutants of the rule set); only the tests read it, never the library.
"""
from __future__ import annotations

import copy
import os
import re
from pathlib import Path

import pytest
import yaml

import vetting.law.ruleset
from vetting.cli import main

RULES_ENV = "VETTING_RULES"


def pytest_configure(config):
    if os.environ.get(RULES_ENV):  # before any test module is imported, so every default-rules call sees it
        vetting.law.ruleset.DEFAULT_RULES = Path(os.environ[RULES_ENV]).resolve()


def pytest_report_header(config):
    if os.environ.get(RULES_ENV):
        return f"rules: {vetting.law.ruleset.DEFAULT_RULES} (from {RULES_ENV}, not rules/)"

ARTICLE = """\
Soldiers of the battalion killed 22 people in a warehouse
on the night of 30 June 2014. The army said they died in a firefight.
"""


def minimal_case() -> dict:
    """The smallest case that has one of every kind of entity and every kind of reference, and is valid."""
    return {
        "case": {"id": "test-case", "title": "A minimal case", "country": "MX"},
        "sources": [
            {"id": "news", "title": "A news report", "publisher": "A newspaper", "date": "2014-07-01",
             "url": "https://example.org/news"},
            {"id": "article", "title": "The article", "publisher": "A journal", "date": "2015-01-01",
             "text": "article.txt"},
        ],
        "units": [
            {"id": "army", "name": "The army", "kind": "military", "country": "MX", "sources": ["news"]},
            {"id": "zone", "name": "The zone", "kind": "military", "country": "MX", "personnel": 10000,
             "sources": ["news"],
             "parents": [{"unit": "army", "from": "2010-01-01", "sources": ["news"]}]},
            {"id": "battalion", "name": "The battalion", "kind": "military", "country": "MX",
             "sources": ["news"],
             "parents": [{"unit": "zone", "sources": ["news"]}]},
        ],
        "people": [
            {"id": "zone-commander", "name": "the commander of the zone", "sources": ["news"],
             "postings": [{"unit": "zone", "role": "commander", "from": "2013-01-01", "sources": ["news"]}]},
        ],
        "incidents": [
            {"id": "killing", "title": "Killings in a warehouse", "date": "2014-06-30",
             "place": {"name": "A village", "country": "MX"},
             "violations": ["extrajudicial-killing"],
             "perpetrators": {"units": ["battalion"]},
             "sources": [{"source": "article", "quote": "killed 22 people in a warehouse"}]},
        ],
        "information": [
            {"id": "report", "incident": "killing", "summary": "The report of the killings",
             "received": "2014-07-01", "assessment": {"status": "credible", "on": "2014-09-01"},
             "sources": ["news"]},
        ],
        "investigations": [
            {"id": "inquiry", "kind": "investigation", "by": "the attorney general", "incident": "killing",
             "subjects": {"units": ["battalion"]}, "status": "open", "sources": ["news"]},
        ],
        "determinations": [
            {"id": "waiver", "kind": "dod-waiver", "unit": "battalion", "proposal": "dod-training",
             "made": "2015-01-01", "sources": ["news"]},
        ],
        "proposals": [
            {"id": "dod-training", "title": "Training for the battalion", "funding": {"authority": "dod"},
             "kind": "training", "recipients": {"units": ["battalion"]}, "from": "2015-01-01",
             "sources": ["news"]},
            {"id": "state-equipment", "title": "Equipment for the zone", "funding": {"authority": "faa"},
             "kind": "equipment", "recipients": {"units": ["zone"]}, "sources": ["news"]},
        ],
    }


def dump(data) -> str:
    """Block-style YAML, keys in the order written, dates unquoted as a person writes them."""
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000, default_flow_style=False)
    return re.sub(r"'(\d{4}-\d{1,2}-\d{1,2}(?:[T ][0-9:]+)?)'", r"\1", text)


def entity(data: dict, collection: str, entity_id: str) -> dict:
    """The entity with this id in a case dict, to mutate it in place."""
    return next(e for e in data[collection] if e["id"] == entity_id)


@pytest.fixture
def case_data():
    """A fresh copy of the minimal case, as plain data."""
    return minimal_case()


@pytest.fixture
def make_case(tmp_path):
    """Write the minimal case (or `data`), changed by `mutate(data)`, to `tmp_path/name`; return its path.

    `article.txt`, the shipped text of the `article` source, is written beside it.
    """

    def make(mutate=None, name: str = "case.yaml", data: dict | None = None) -> Path:
        data = copy.deepcopy(minimal_case() if data is None else data)
        if mutate is not None:
            mutate(data)
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        (path.parent / "article.txt").write_text(ARTICLE, encoding="utf-8")
        path.write_text(dump(data), encoding="utf-8")
        return path

    return make


@pytest.fixture
def make_hypothesis(tmp_path):
    """Write a hypothesis overlay `tmp_path/name` with these sections (`add`, `replace`, `remove`, ...)."""

    def make(name: str = "h.yaml", **sections) -> Path:
        data = {"hypothesis": {"id": name.removesuffix(".yaml"), "title": "A hypothesis",
                               "rationale": "to test the loader"}}
        path = tmp_path / name
        path.write_text(dump({**data, **sections}), encoding="utf-8")
        return path

    return make


def line_of(path: Path, text: str, after: str | None = None) -> int:
    """The 1-based line of the first line of `path` containing `text` (after the first containing `after`)."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    start = 0
    if after is not None:
        start = next(i for i, line in enumerate(lines) if after in line) + 1
    for number, line in enumerate(lines[start:], start + 1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not found in {path}")


@pytest.fixture
def run_cli(capsys):
    """Run the command in-process: (exit status, stdout, stderr)."""

    def run(*argv) -> tuple[int, str, str]:
        status = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return status, out, err

    return run


def assert_input_error(result, file, line, field, *words, hint: str | None = None) -> str:
    """Exit 2, nothing on stdout, one `error: FILE:LINE: `field`: ...` line (+ a hint line); returns stderr.

    `line` and `field` may be None where the error has none (a file that is not UTF-8 has no field).
    """
    status, out, err = result
    assert "Traceback" not in err and "Traceback" not in out, err
    assert status == 2, (status, out, err)
    assert out == "", out
    lines = err.rstrip("\n").split("\n")
    assert 1 <= len(lines) <= 2, err
    where = ":".join(str(p) for p in (file, line) if p is not None)
    head = f"error: {where}: " if where else "error: "
    if field is not None:
        head += f"`{field}`: "
    assert lines[0].startswith(head), f"expected {head!r}, got {lines[0]!r}"
    for word in words:
        assert word in lines[0], f"{word!r} not in {lines[0]!r}"
    if len(lines) == 2:
        assert lines[1].startswith("  hint: "), err
    if hint is not None:
        assert len(lines) == 2 and hint in lines[1], f"hint {hint!r} not in {err!r}"
    return err


@pytest.fixture
def expect_error():
    return assert_input_error


@pytest.fixture
def at():
    return line_of
