"""Dates at day, month or year precision: each field reads an imprecise date as its safer day for a bar."""
from __future__ import annotations

import datetime as dt

import pytest
from pydantic import TypeAdapter, ValidationError

from vetting.case.schema import Assessment, Determination, Information, Period, When
from vetting.decide import evaluate

D = dt.date


def test_a_month_or_a_year_is_a_range_of_days_where_a_day_or_range_is_allowed():
    when = TypeAdapter(When)
    assert (when.validate_python("2024-08").from_, when.validate_python("2024-08").to) == (D(2024, 8, 1),
                                                                                          D(2024, 8, 31))
    assert (when.validate_python(2014).from_, when.validate_python(2014).to) == (D(2014, 1, 1), D(2014, 12, 31))
    rng = when.validate_python({"from": "1998", "to": "1999"})  # "1998 or 1999"
    assert (rng.from_, rng.to) == (D(1998, 1, 1), D(1999, 12, 31))
    assert when.validate_python("2016-02").to == D(2016, 2, 29)


def test_a_period_is_read_at_its_widest():
    period = Period.model_validate({"from": "2014-06", "to": "2015"})
    assert (period.from_, period.to) == (D(2014, 6, 1), D(2015, 12, 31))


def test_a_determination_counts_from_the_last_day_it_can_mean():
    det = Determination.model_validate({"id": "d", "kind": "state-effective-steps", "unit": "u", "incidents": ["i"],
                                        "made": "2015-03", "reported": "2015", "assumption": "test"})
    assert (det.made, det.reported) == (D(2015, 3, 31), D(2015, 12, 31))


def test_credible_counts_from_the_first_day_and_not_credible_from_the_last():
    assert Assessment(status="credible", on="2015-02").on == D(2015, 2, 1)
    assert Assessment(status="not-credible", on="2015-02").on == D(2015, 2, 28)


def test_what_was_written_is_kept():
    item = Information.model_validate({"id": "x", "incident": "i", "summary": "s", "received": "2014-10",
                                       "assessment": {"status": "pending"}, "assumption": "test"})
    assert item.received.from_.written == "2014-10" and not item.received.from_.precise


@pytest.mark.parametrize("bad", ["2014-13", "2014-02-30", "14-01", "2014-1", 20140101, 999, True])
def test_anything_else_is_an_error(bad):
    with pytest.raises(ValidationError):
        TypeAdapter(When).validate_python(bad)


def test_information_received_in_a_month_counts_from_its_first_day(make_case):
    def month(data):
        data["information"][0]["received"] = "2014-07"
        data["information"][0]["assessment"] = {"status": "pending"}

    case = make_case(month)
    assert evaluate(case, "2014-07-01", "state").units["battalion"].status["state"] == "suspended"
    assert evaluate(case, "2014-06-30", "state").units["battalion"].status["state"] == "eligible"


def test_a_not_credible_assessment_in_a_month_lifts_the_suspension_only_after_it(make_case):
    def month(data):
        data["information"][0]["assessment"] = {"status": "not-credible", "on": "2014-09"}

    case = make_case(month)
    assert evaluate(case, "2014-09-15", "state").units["battalion"].status["state"] == "suspended"
    assert evaluate(case, "2014-10-01", "state").units["battalion"].status["state"] == "eligible"
