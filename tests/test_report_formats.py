"""Markdown and HTML reports: the same decisions as the JSON, escaped for sharing."""
import shutil
from pathlib import Path

from vetting.cli import main
from vetting.decide import evaluate
from vetting.report import to_html, to_markdown

MINI = Path(__file__).parent / "data" / "mini"


def test_markdown_has_a_row_per_unit_with_its_statuses():
    text = to_markdown(evaluate(MINI, "2015-05-31"))
    assert text.startswith("# Synthetic test case — as of 2015-05-31\n")
    assert "| Battalion (bn) |  | suspended | suspended | unit-implicated |" in text
    assert "| identify-unit | state | ap |  | usc-22-2378d-d6 |" in text


def test_html_escapes_what_the_case_says(tmp_path, capsys):
    hostile = tmp_path / "case"
    shutil.copytree(MINI, hostile)
    path = hostile / "case.yaml"
    path.write_text(path.read_text().replace("name: Battalion", 'name: "<script>alert(1)</script> | Bn"'))
    html = to_html(evaluate(hostile, "2015-05-31"))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; | Bn (bn)" in html
    assert '<td class="suspended">suspended</td>' in html
    markdown = to_markdown(evaluate(hostile, "2015-05-31"))
    assert "\\| Bn (bn)" in markdown


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
