"""The garbage collector paused while a case is loaded, decided and written (vetting/collector.py): pauses nest,
the collector runs again after the outermost one, and a forked worker knows whether it ran before the pause."""
import gc

import pytest

from vetting import collector


@pytest.fixture
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_pauses_nest_and_the_collector_runs_again_after_the_outermost(collector_on):
    with collector.paused():
        assert not gc.isenabled() and collector.enabled_outside()
        with collector.paused():
            assert not gc.isenabled() and collector.enabled_outside()
        assert not gc.isenabled()
    assert gc.isenabled() and collector.enabled_outside()


def test_an_error_inside_still_restarts_it(collector_on):
    with pytest.raises(ZeroDivisionError):
        with collector.paused():
            1 / 0
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_caller_stays_off(collector_on):
    gc.disable()
    with collector.paused():
        assert not collector.enabled_outside()
    assert not gc.isenabled() and not collector.enabled_outside()


def test_evaluate_leaves_the_collector_running(collector_on):
    from pathlib import Path

    from vetting.decide import evaluate

    evaluate(Path(__file__).parent.parent / "cases" / "mexico-2015", "2015-05-08")
    assert gc.isenabled()


def test_the_command_line_leaves_the_collector_running(collector_on, tmp_path, capsys):
    from pathlib import Path

    from vetting.cli import main

    case = Path(__file__).parent.parent / "cases" / "mexico-2015"
    assert main(["evaluate", str(case), "--as-of", "2015-05-08", "--format", "json", "-o", str(tmp_path / "r.json")]) == 0
    assert gc.isenabled()
    assert main(["evaluate", str(tmp_path / "missing")]) == 2  # an error on the way out too
    assert gc.isenabled()
