"""No hidden character reaches any output as itself, and no text from a case or rule file formats a document.

A bidirectional override (U+202E) in a unit's name would make "eligible" read backwards; zero-width and other
format characters hide text. They are read from case files as written and written out as `\\u202e` in every
format (in JSON that is the JSON escape of the same character: nothing is lost). Markdown and HTML escape
everything that reaches them, the rule set's version in the header included.
"""
from __future__ import annotations

import json
import re
import shutil
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from vetting.errors import _HIDDEN, _visible, escape_hidden

ROOT = Path(__file__).resolve().parent.parent
HIDDEN_CATEGORIES = {"Cc", "Cf", "Cs", "Zl", "Zp"}
# a right-to-left override, an isolate, a mark, a zero-width space and joiner, the BOM, a Unicode tag (astral)
SAMPLES = "\u202e\u2066\u200f\u061c\u200b\u200d\ufeff\U000e0041"
VERSION = "9.9 <script>alert(1)</script> [x](javascript:y) *b* _i_ `c` &#x202e; ~s~ \u202elevart #"


def hidden_in(text: str) -> set:
    return {ch for ch in text if unicodedata.category(ch) in HIDDEN_CATEGORIES and ch not in "\n\t"}


def test_the_filter_covers_every_control_and_format_character_of_this_python():
    missed = [f"U+{code:04X}" for code in range(sys.maxunicode + 1)
              if unicodedata.category(chr(code)) in HIDDEN_CATEGORIES and chr(code) not in "\t\n"
              and not _HIDDEN.fullmatch(chr(code))]
    assert missed == []


def test_every_hidden_character_is_one_python_does_not_count_printable():
    # escape_hidden passes a text of printable characters between its line feeds unchanged without the pattern
    printable = [f"U+{code:04X}" for code in range(sys.maxunicode + 1)
                 if _HIDDEN.fullmatch(chr(code)) and chr(code).isprintable()]
    assert printable == []


@given(st.text(alphabet=st.sampled_from("ab \t\n\r\x00\x1b\x7f\x85\xa0é—\u202e\u2028\ufeff\udcff\U000e0041"
                                        "\U0001f600")) | st.text())
@settings(max_examples=500, deadline=None)
def test_the_quick_tests_give_what_the_pattern_gives(text):
    from vetting.errors import _escaped

    assert escape_hidden(text) == _HIDDEN.sub(_escaped, text)
    assert escape_hidden(text.encode("ascii", "replace").decode()) == _HIDDEN.sub(
        _escaped, text.encode("ascii", "replace").decode())


@pytest.mark.parametrize("text", ["Batallón de Infantería 102", "شرطة المدينة", "پلیس", "שוטרים", "第102步兵营",
                                  "Zürich — “quoted” 10,000 · ok", "tab\tand\nnewline"])
def test_plain_text_of_any_script_passes_unchanged(text):
    assert escape_hidden(text) == text
    assert _visible(text) == text.replace("\t", "\\t")


def test_json_keeps_every_character_as_an_escape():
    text = "a" + SAMPLES + "\x85\udcff"
    written = escape_hidden(json.dumps({"name": text}, ensure_ascii=False))
    assert hidden_in(written) == set()
    assert "\\u202e" in written and "\\udb40\\udc41" in written  # an astral character as its surrogate pair
    assert json.loads(written) == {"name": text}


@pytest.fixture
def hostile(make_case, make_hypothesis, tmp_path):
    """A case, a hypothesis and a rule set whose texts hold hidden characters and markup."""
    def names(data):
        data["case"]["title"] = "A case " + SAMPLES
        data["units"][2]["name"] = "The battalion \u202eelbigile\u202c"
        data["people"][0]["name"] = "the commander \u2066of\u2069 the zone\u200b"
        data["proposals"][0]["title"] = "Training \u061cfor\u200f the battalion <b>[x](javascript:y)</b>"

    case = make_case(names)
    hypothesis = make_hypothesis(
        "h.yaml", replace={"units": [{"id": "zone", "name": "The zone \u202e" + SAMPLES, "kind": "military",
                                      "country": "MX", "personnel": 10000, "sources": ["news"],
                                      "parents": [{"unit": "army", "from": "2010-01-01", "sources": ["news"]}]}]})
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    head = rules / "ruleset.yaml"
    head.write_text(re.sub(r"version: .*", lambda m: "version: " + json.dumps(VERSION), head.read_text()))
    attribution = rules / "30-attribution.yaml"
    text = attribution.read_text()
    title = re.search(r"^    title: (.*)$", text, re.M).group(1)
    attribution.write_text(text.replace(title, json.dumps("\u202e" + title), 1))
    return case, hypothesis, rules


RUNS = {  # the command (and subject) before the case, the options after it
    "evaluate terminal": (["evaluate"], []),
    "evaluate json": (["evaluate"], ["--format", "json"]),
    "evaluate markdown": (["evaluate"], ["--format", "markdown"]),
    "evaluate html": (["evaluate"], ["--format", "html"]),
    "register terminal": (["register"], []),
    "register json": (["register"], ["--format", "json"]),
    "whatif terminal": (["whatif"], []),
    "whatif json": (["whatif"], ["--format", "json"]),
    "explain terminal": (["explain", "battalion"], []),
    "explain json": (["explain", "battalion"], ["--format", "json"]),
}


@pytest.mark.parametrize("run", list(RUNS))
@pytest.mark.parametrize("to_file", [False, True], ids=["stdout", "file"])
def test_no_format_writes_a_hidden_character(hostile, run_cli, tmp_path, run, to_file):
    case, hypothesis, rules = hostile
    before, after = RUNS[run]
    argv = [*before, case, *after, "--as-of", "2015-05-31", "--rules", rules, "--with", hypothesis]
    output = tmp_path / "out"
    status, out, err = run_cli(*argv, *(["-o", output] if to_file else []))
    assert status == 0, err
    text = output.read_text(encoding="utf-8") if to_file else out
    assert hidden_in(text) == set(), run
    assert "\\u202e" in text, run  # written out, not dropped
    if run.endswith("json"):
        assert "\u202e" in json.dumps(json.loads(text), ensure_ascii=False)  # the JSON keeps the very character


def test_markdown_and_html_escape_the_version_and_every_name(hostile, run_cli):
    case, hypothesis, rules = hostile
    _, markdown, _ = run_cli("evaluate", case, "--as-of", "2015-05-31", "--rules", rules, "--format", "markdown")
    meta = next(line for line in markdown.splitlines() if line.startswith("Rule set"))
    assert ("9.9 \\<script\\>alert(1)\\</script\\> \\[x\\](javascript:y) \\*b\\* \\_i\\_ \\`c\\` \\&\\#x202e; "
            "\\~s\\~ \\u202elevart \\#") in meta
    assert "Training \\u061cfor\\u200f the battalion \\<b\\>\\[x\\](javascript:y)\\</b\\>" in markdown
    _, html, _ = run_cli("evaluate", case, "--as-of", "2015-05-31", "--rules", rules, "--format", "html")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&amp;#x202e;" in html and "<b>" not in html


def test_an_error_message_writes_hidden_characters_out(tmp_path, run_cli):
    path = tmp_path / "units\u202elmay.yaml"
    path.write_text("units: 5\n", encoding="utf-8")
    status, out, err = run_cli("validate", path)
    assert status == 2 and out == ""
    assert hidden_in(err) == set() and "units\\u202elmay.yaml:1" in err


def test_the_python_calls_escape_as_the_command_does(hostile):
    from vetting.decide import evaluate
    from vetting.report import dumps, to_html, to_json, to_markdown

    case, hypothesis, rules = hostile
    report = evaluate(case, "2015-05-31", hypotheses=[hypothesis], rules=rules)
    for text in (dumps(to_json(report)), to_markdown(report), to_html(report)):
        assert hidden_in(text) == set() and "\\u202e" in text
