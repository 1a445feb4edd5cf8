"""Markdown and HTML reports: the same decisions as the JSON, escaped for sharing."""
import csv
import io
import shutil
from html import unescape
from pathlib import Path

import pytest

from vetting.cli import main
from vetting.decide import evaluate
from vetting.report import to_html, to_markdown

MINI = Path(__file__).parent / "data" / "mini"


def test_markdown_has_a_row_per_unit_with_its_statuses():
    text = to_markdown(evaluate(MINI, "2015-05-31"))
    assert text.startswith("# Synthetic test case — as of 2015-05-31\n")
    # the because column says why in words (the rule's title), not with the rule's id
    assert ("| Battalion | bn |  | suspended | suspended | A unit implicated by grounds for a bar or a suspension is "
            "barred or suspended |") in text
    assert "unit-implicated" not in text
    assert ("| identify-unit | state | ap |  | [22 U.S.C. 2378d(d)(6)](<https://uscode.house.gov/view.xhtml?"
            "req=granuleid:USC-prelim-title22-section2378d>) |") in text
    assert "not the government's determination" in text


def test_html_escapes_what_the_case_says(tmp_path, capsys):
    hostile = tmp_path / "case"
    shutil.copytree(MINI, hostile)
    path = hostile / "case.yaml"
    path.write_text(path.read_text().replace("name: Battalion", 'name: "<script>alert(1)</script> | Bn"'))
    html = to_html(evaluate(hostile, "2015-05-31"))
    assert "<script>" not in html
    assert "<td>&lt;script&gt;alert(1)&lt;/script&gt; | Bn</td><td>bn</td>" in html
    assert '<td class="suspended">suspended</td>' in html
    markdown = to_markdown(evaluate(hostile, "2015-05-31"))
    assert "\\| Bn | bn |" in markdown


def test_formats_are_written_whole(tmp_path):
    for fmt in ("markdown", "html", "json"):
        out = tmp_path / f"report.{fmt}"
        assert main(["evaluate", str(MINI), "--as-of", "2015-05-31", "--format", fmt, "-o", str(out)]) == 0
        assert "bn" in out.read_text()


def test_terminal_reports_print_markup_in_names_literally(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")  # wide enough that no table cell wraps the name
    hostile = tmp_path / "case"
    shutil.copytree(MINI, hostile)
    path = hostile / "case.yaml"
    path.write_text(path.read_text().replace("name: Battalion", 'name: "[/][b]B[/b]"'))
    hypothesis = Path(__file__).parent / "data" / "mini-hypotheses" / "commander-implicated.yaml"
    for command in (["evaluate"], ["register"], ["whatif", "--with", str(hypothesis)], ["explain", "bn"]):
        args = [*command, str(hostile), "--as-of", "2015-05-31"]
        if command[0] == "explain":
            args = ["explain", "bn", str(hostile), "--as-of", "2015-05-31"]
        assert main(args) == 0, command
        out = capsys.readouterr().out
        assert "[/][b]B[/b]" in out, command


CASE = Path(__file__).parent.parent / "cases" / "mexico-2015"
ZONE = CASE / "hypotheses" / "zone-commander-implicated.yaml"
COMMANDS = {
    "evaluate": ["evaluate", str(CASE), "--as-of", "2015-05-08"],
    "register": ["register", str(CASE), "--as-of", "2015-05-08", "--with", str(ZONE)],
    "whatif": ["whatif", str(CASE), "--as-of", "2015-05-08", "--with", str(ZONE)],
    "explain": ["explain", "mx-bn-102", str(CASE), "--as-of", "2015-05-08", "--with", str(ZONE)],
}
TITLE = "A unit implicated by grounds for a bar or a suspension is barred or suspended"


def _run(capsys, args):
    assert main(args) == 0, args
    return capsys.readouterr().out


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_report_command_writes_markdown_and_html_that_say_why_in_words(capsys, command):
    markdown = _run(capsys, [*COMMANDS[command], "--format", "markdown"])
    html = _run(capsys, [*COMMANDS[command], "--format", "html"])
    for text in (markdown, unescape(html)):
        assert "not the government's determination" in text
        assert TITLE in text
        assert "unit-implicated" not in text  # the rule's title, never its internal id
    assert markdown.startswith("# ") and html.startswith("<!doctype html>")
    assert "<script" not in html and "http" not in html.split("<body>")[0]  # self-contained: no remote style


def test_explain_in_html_quotes_the_source_and_links_the_statute(capsys):
    html = _run(capsys, [*COMMANDS["explain"], "--format", "html"])
    assert ('<a href="https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title22-section2378d">'
            "22 U.S.C. 2378d(a) — Prohibition (FAA sec. 620M(a))</a>") in html
    assert "<q>others had been summarily executed afterwards</q>" in html


@pytest.mark.parametrize("command, header, row", [
    ("evaluate", ["kind", "id", "name", "law", "status", "personnel", "rules", "because"],
     ["unit", "mx-zone-22", "22nd Military Zone", "state", "eligible", "10000", "", ""]),
    ("register", ["section", "id", "name", "personnel", "state", "dod", "rules", "information", "withheld"],
     ["assessments", "mx-zone-22", "22nd Military Zone", "10000", "ineligible", "ineligible", "unit-implicated",
      "tlatlaya-zone-commander-implicated", ""]),
    ("whatif", ["kind", "id", "name", "law", "before", "after", "personnel", "rules"],
     ["unit", "mx-zone-22", "22nd Military Zone", "state", "eligible", "ineligible", "10000", "unit-implicated"]),
    ("explain", ["law", "effect", "lifted", "rule", "title", "citation", "url", "fact kind", "fact"],
     ["state", "bar", "", "bar-covers-units-under", "A bar or suspension on a unit covers every unit under it",
      "usc-22-2378d-a", "https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title22-section2378d",
      "information", "tlatlaya-zone-commander-implicated"]),
])
def test_every_report_command_writes_csv(capsys, command, header, row):
    rows = list(csv.reader(io.StringIO(_run(capsys, [*COMMANDS[command], "--format", "csv"]))))
    assert rows[0] == header
    assert row in rows[1:]
    assert all(len(r) == len(header) for r in rows)


def test_csv_never_hands_a_spreadsheet_a_formula(tmp_path, capsys):
    hostile = tmp_path / "case"
    shutil.copytree(MINI, hostile)
    path = hostile / "case.yaml"
    path.write_text(path.read_text().replace("name: Battalion", "name: '=HYPERLINK(\"http://x\")'"))
    rows = list(csv.reader(io.StringIO(_run(capsys, ["evaluate", str(hostile), "--as-of", "2015-05-31",
                                                     "--format", "csv"]))))
    assert ["unit", "bn", "'=HYPERLINK(\"http://x\")", "state", "suspended", "", "unit-implicated", "nc"] in rows


def test_terminal_proposals_have_a_because_column(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    out = _run(capsys, ["evaluate", str(MINI), "--as-of", "2015-05-31"])
    proposals = out[out.index("Proposals"):]
    assert "because" in proposals.splitlines()[2] and "recipient-unit-barred" in proposals
