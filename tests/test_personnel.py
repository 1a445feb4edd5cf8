"""Personnel totals: each person counted once, unknown figures named, never counted as 0 (docs/case-format.md)."""
import shutil
from pathlib import Path

import hypothesis.strategies as st
import pytest
from hypothesis import given

from vetting.reports.personnel import Personnel, newly, total
from vetting.whatif import whatif

MINI = Path(__file__).parent / "data" / "mini"
HYP = Path(__file__).parent / "data" / "mini-hypotheses"
CASE = Path(__file__).parent.parent / "cases" / "mexico-2015"

# army > zone (10,000) > bn (300); police (no figure) > police-unit (no figure); company (120) alone
FIGURES = {"army": None, "zone": 10_000, "bn": 300, "police": None, "police-unit": None, "company": 120}
ANCESTORS = {"army": [], "zone": ["army"], "bn": ["zone", "army"], "police": [], "police-unit": ["police"],
             "company": []}


def test_a_unit_inside_a_unit_of_the_set_is_counted_once():
    assert total({"zone", "bn"}, FIGURES, ANCESTORS) == Personnel(10_000)
    assert total({"zone", "company"}, FIGURES, ANCESTORS) == Personnel(10_120)
    assert total({"bn"}, FIGURES, ANCESTORS) == Personnel(300)


def test_a_unit_without_a_figure_is_unknown_not_zero():
    whole_force = total({"police", "police-unit"}, FIGURES, ANCESTORS)
    assert whole_force == Personnel(0, ("police",))  # the sub-unit is inside the force: one unit unknown
    assert str(whole_force) == "unknown (1 unit without a figure)"
    assert str(total({"police", "company"}, FIGURES, ANCESTORS)) == "120 + unknown (1 unit without a figure)"
    # the army has no figure but the zone under it does: 10,000 counted, the rest of the army unknown
    assert total({"army", "zone", "bn"}, FIGURES, ANCESTORS) == Personnel(10_000, ("army",))


def test_a_zone_barred_over_an_already_barred_battalion_adds_only_the_rest():
    assert newly({"zone", "bn"}, {"bn"}, FIGURES, ANCESTORS) == Personnel(9_700)
    assert str(newly({"zone", "bn"}, {"bn"}, FIGURES, ANCESTORS)) == "9,700"
    # already barred: nobody new
    assert newly({"bn"}, {"bn"}, FIGURES, ANCESTORS) == Personnel(0)
    # a unit that is no longer barred takes nobody off "newly barred"
    assert newly({"company"}, {"bn"}, FIGURES, ANCESTORS) == Personnel(120)


def test_figures_that_do_not_nest_never_give_a_negative_count():
    figures = dict(FIGURES, zone=100)  # a zone of 100 over a battalion of 300: the case contradicts itself
    assert newly({"zone", "bn"}, {"bn"}, figures, ANCESTORS) == Personnel(0)


def test_an_already_barred_unit_without_a_figure_makes_the_new_total_an_upper_bound():
    figures = dict(FIGURES, bn=None)
    got = newly({"zone", "bn"}, {"bn"}, figures, ANCESTORS)
    assert got == Personnel(10_000, (), ("bn",))
    assert str(got) == "at most 10,000 (less 1 unit already counted, without a figure)"


@given(st.dictionaries(st.sampled_from(sorted(FIGURES)), st.none() | st.integers(0, 50_000)),
       st.sets(st.sampled_from(sorted(FIGURES))), st.sets(st.sampled_from(sorted(FIGURES))))
def test_newly_barred_is_never_more_than_the_new_total_and_never_negative_when_figures_nest(figures, after, before):
    # figures that nest (a unit's figure at least the sum of its sub-units'), as the convention assumes
    figures = {uid: figures.get(uid) for uid in FIGURES}
    for uid in FIGURES:  # ANCESTORS lists the nearest first: cap each figure by every figure above it
        for above in ANCESTORS[uid]:
            if figures[uid] is not None and figures[above] is not None:
                figures[uid] = min(figures[uid], figures[above])
    got = newly(after, before, figures, ANCESTORS)
    assert 0 <= got.known <= total(set(after) | set(before), figures, ANCESTORS).known
    if set(after) <= set(before):
        assert got == Personnel(0)


def _case_with_figures(tmp_path, zone: int, battalion: int) -> Path:
    """The mini case with a credible NORTHCOM report (the battalion barred) and the two figures."""
    case = tmp_path / "case"
    shutil.copytree(MINI, case)
    path = case / "case.yaml"
    text = path.read_text().replace("personnel: 10000", f"personnel: {zone}")
    text = text.replace("    name: Battalion\n", f"    name: Battalion\n    personnel: {battalion}\n")
    text = text.replace("assessment: {status: pending}", "assessment: {status: credible, on: 2015-01-01}", 1)
    path.write_text(text)
    return case


@pytest.mark.parametrize("zone, battalion, expected", [(10_000, 300, 9_700), (2_000, 300, 1_700)])
def test_a_commander_hypothesis_over_an_already_barred_unit_counts_only_the_newly_barred(
        tmp_path, zone, battalion, expected):
    result = whatif(_case_with_figures(tmp_path, zone, battalion), [HYP / "commander-implicated.yaml"],
                    "2015-05-31")
    assert result.baseline.units["bn"].status["state"] == "ineligible"
    assert result.hypothesis.units["zone"].status["state"] == "ineligible"
    assert result.personnel_newly_barred == {"state": Personnel(expected), "dod": Personnel(expected)}


def test_mexico_federal_police_barred_is_unknown_not_zero():
    result = whatif(CASE, [CASE / "hypotheses" / "iguala-federal-police-implicated.yaml"], "2015-05-08")
    assert {law: str(p) for law, p in result.personnel_newly_barred.items()} == {
        "state": "unknown (1 unit without a figure)", "dod": "unknown (1 unit without a figure)"}
    assert result.personnel_newly_barred["state"].uncounted == ("mx-federal-police",)
