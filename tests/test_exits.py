"""Every way the command ends that a user caused gets its own exit status and at most one line, never a traceback.

Bad input is exit 2 (a 5,000-digit number, a due date past 9999-12-31, `-o` naming a loop of links, a closed
standard output); a reader that goes away (`| head`) is a quiet exit 141; Ctrl-C is 130 and SIGTERM 143, with
"interrupted" / "terminated", even while durable_rules runs an action (it would wrap the interrupt in its own
traceback text). Exit 1 stays for internal errors.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from vetting.cli import EXIT_BROKEN_PIPE, _failed
from vetting.engine.durable import EngineError

ROOT = Path(__file__).resolve().parent.parent
MINI = Path(__file__).parent / "data" / "mini"


def command(*argv) -> list:
    return [sys.executable, "-m", "vetting", *map(str, argv)]


def test_a_number_of_5000_digits_is_bad_input(make_case, run_cli, expect_error, at):
    path = make_case()  # the zone has `personnel: 10000`; PyYAML itself cannot write a 5,000-digit number
    path.write_text(path.read_text(encoding="utf-8").replace("personnel: 10000", "personnel: " + "9" * 5000))
    expect_error(run_cli("validate", path), path, at(path, "personnel:"), "units[1].personnel",
                 "5,000 digits", hint="check the value")


def test_a_due_date_past_9999_is_bad_input_naming_the_determination(make_case, run_cli, expect_error, at):
    def late(data):
        data["determinations"][0]["made"] = "9999-12-30"

    path = make_case(late)
    err = expect_error(run_cli("evaluate", path, "--as-of", "9999-12-31"), path, at(path, "- id: waiver"),
                       "determinations[0]", "`report-to-congress-15-days`", "after 9999-12-31")
    assert "dod-report-within-15-days" in err
    # the day before, the due date 10000-01-13 is still to come: no task, no error
    assert run_cli("evaluate", path, "--as-of", "9999-12-29")[0] == 0


def test_output_to_a_loop_of_links_is_bad_input(tmp_path, run_cli, expect_error):
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    err = expect_error(run_cli("evaluate", MINI, "--as-of", "2015-05-31", "--format", "json", "-o", tmp_path / "a"),
                       tmp_path / "a", None, None, "cannot write there")
    assert "loop" in err
    assert (tmp_path / "a").is_symlink() and (tmp_path / "b").is_symlink()


@pytest.mark.parametrize("fmt", ["json", "terminal"])
def test_a_closed_standard_output_is_bad_usage(fmt):
    closed = ["sh", "-c", 'exec "$@" >&-', "sh", *command("evaluate", MINI, "--as-of", "2015-05-31", "--format", fmt)]
    done = subprocess.run(closed, cwd=ROOT, stderr=subprocess.PIPE, timeout=300)
    assert done.returncode == 2, done.stderr
    assert done.stderr.decode() == ("error: standard output is closed: there is nowhere to write the report\n"
                                    "  hint: write to a file with `-o FILE`\n")


@pytest.mark.parametrize("argv", [
    ("evaluate", MINI, "--as-of", "2015-05-31", "--format", "json"),
    ("evaluate", MINI, "--as-of", "2015-05-31"),  # rich's Console, which would exit 1 on its own
    ("whatif", MINI, "--as-of", "2015-05-31", "--with", MINI.parent / "mini-hypotheses" / "state-remediation.yaml"),
])
def test_a_reader_that_goes_away_is_a_quiet_exit(argv):
    # the reading end is closed before the command writes anything (it is still loading): every write fails
    child = subprocess.Popen(command(*argv), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    child.stdout.close()
    with child.stderr:
        err = child.stderr.read().decode()
    assert child.wait(timeout=300) == EXIT_BROKEN_PIPE == 141
    assert err == ""


def _chain_case(path: Path, depth: int) -> Path:
    """A chain of command `depth` units deep: n(n-1)/2 lineage facts keep the engine busy for a long while."""
    lines = ["case: {id: chain, title: a long chain of command}", "units:"]
    for i in range(depth):
        parent = f", parents: [{{unit: u{i - 1}, assumption: generated}}]" if i else ""
        lines.append(f"  - {{id: u{i}, name: unit {i}, kind: military, country: MX, assumption: generated{parent}}}")
    lines += ["incidents:", "  - {id: killing, title: a killing, date: 2014-06-30, place: {name: a village, "
              f"country: MX}}, violations: [extrajudicial-killing], perpetrators: {{units: [u{depth - 1}]}}, "
              "assumption: generated}",
              "information:", "  - {id: report, incident: killing, summary: a report, received: 2014-07-01, "
              "assessment: {status: credible, on: 2014-09-01}, assumption: generated}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _cpu_seconds(pid: int) -> float:
    """The CPU time of a process and its live children: a partitioned evaluation decides in worker processes."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except (FileNotFoundError, ProcessLookupError):  # it ended meanwhile
        return 0.0
    own = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return own + sum(_cpu_seconds(int(child)) for child in children)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="waits on the child's CPU time in /proc (Linux)")
@pytest.mark.parametrize("signum, status, word", [(signal.SIGINT, 130, "interrupted"),
                                                  (signal.SIGTERM, 143, "terminated")])
def test_a_signal_during_evaluation_ends_it_quietly(tmp_path, signum, status, word):
    case = _chain_case(tmp_path / "chain.yaml", 600)
    child = subprocess.Popen(command("evaluate", case, "--as-of", "2015-01-01", "--format", "json"), cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        # past start-up and loading (about a second of CPU), deep in the rules (about 7 s of CPU on this case)
        deadline = time.monotonic() + 120
        while child.poll() is None and _cpu_seconds(child.pid) < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert child.poll() is None, "the evaluation ended before the signal: make the case bigger"
        child.send_signal(signum)
        out, err = child.communicate(timeout=120)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == status, err.decode()
    assert err.decode() == f"error: {word}\n"
    assert out == b""


def test_an_interrupt_wrapped_in_an_engine_error_is_still_an_interrupt(capsys):
    """durable_rules catches what an action raises, Ctrl-C included, and hands back its traceback as text."""
    wrapped = EngineError("`leahy` session `eval-1`: an action failed: exception caught , traceback ['  File ...']")
    assert _failed(wrapped, signal.SIGINT) == 130
    assert _failed(wrapped, signal.SIGTERM) == 143
    assert capsys.readouterr().err == "error: interrupted\nerror: terminated\n"
    assert _failed(wrapped, None) == 1  # without a signal it is what it says, an internal error
    assert capsys.readouterr().err.startswith("internal error: EngineError: ")


def test_an_interrupt_while_writing_the_output_file_leaves_the_earlier_file_whole(tmp_path, monkeypatch):
    """`-o` writes a temporary file and renames it into place: Ctrl-C half-way through the write leaves the
    earlier report as it was and no temporary file behind (issue 7)."""
    from vetting import cli

    target = tmp_path / "report.json"
    target.write_text("the earlier report\n", encoding="utf-8")
    real_fdopen = os.fdopen

    class HalfWritten:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, text):
            self.handle.write(text[: len(text) // 2])
            self.handle.flush()
            raise KeyboardInterrupt

    monkeypatch.setattr(cli.os, "fdopen", lambda *a, **k: HalfWritten(real_fdopen(*a, **k)))
    with pytest.raises(KeyboardInterrupt):
        cli.emit("{}\n" * 10_000, str(target))
    assert target.read_text(encoding="utf-8") == "the earlier report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
