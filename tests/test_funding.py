"""The funding model: sources decide the law, the former `authority` is read as the sources it meant."""
from __future__ import annotations

import pytest
from pydantic import ValidationError

from vetting.case.schema import Funding, Proposal

WHY = {"assumption": "written for a unit test"}


def proposal(funding: dict) -> Proposal:
    return Proposal.model_validate({"id": "p", "title": "p", "funding": funding, "kind": "equipment",
                                    "recipients": {"units": ["u"]}, **WHY})


@pytest.mark.parametrize("funding, laws, law", [
    ({"sources": ["fmf"], "channel": "fms"}, ("state",), "state"),
    ({"sources": ["purchaser"], "channel": "fms"}, (), None),
    ({"sources": ["fmf", "purchaser"], "channel": "fms"}, ("state",), "state"),
    ({"sources": ["faa"], "channel": "eda"}, ("state",), "state"),
    ({"sources": ["dod-333"]}, ("dod",), "dod"),
    ({"sources": ["imet", "dod-284"]}, ("state", "dod"), "both"),
    ({"sources": ["other", "purchaser"]}, (), None),
])
def test_the_law_follows_the_sources_of_the_money(funding, laws, law):
    decided = proposal(funding)
    assert (decided.laws, decided.law) == (laws, law)


@pytest.mark.parametrize("authority, sources, channel", [
    ("faa", ["faa"], None), ("aeca", ["aeca"], None), ("dod", ["dod"], None), ("other", ["other"], None),
    ("dcs", ["purchaser"], "dcs"),
])
def test_the_former_authority_reads_as_the_sources_it_meant(authority, sources, channel):
    funding = Funding.model_validate({"authority": authority})
    assert (funding.sources, funding.channel) == (sources, channel)


@pytest.mark.parametrize("funding, words", [
    ({"authority": "fms"}, "does not say who pays"),
    ({"authority": "faa", "sources": ["fmf"]}, "not `authority` as well"),
    ({}, "say where the money comes from"),
    ({"sources": []}, "say where the money comes from"),
])
def test_funding_that_does_not_say_who_pays_is_refused(funding, words):
    with pytest.raises(ValidationError, match=words):
        Funding.model_validate(funding)
