"""vetting/jsontext.py writes the very text `json.dumps(data, indent=..., ensure_ascii=False)` writes, faster: on any
JSON-like data (hypothesis), on the corner cases json itself has (keys that are not strings, NaN, subclasses, a
structure inside itself), and on the reports of the command line."""
from __future__ import annotations

import enum
import json
from collections import OrderedDict

import pytest
from hypothesis import given, settings, strategies as st

from vetting import jsontext

SCALARS = (st.none() | st.booleans() | st.integers() | st.integers(min_value=-(10 ** 30), max_value=10 ** 30)
           | st.floats(allow_nan=True, allow_infinity=True)
           | st.text() | st.text(alphabet=st.sampled_from('ab"\\/\n\t\r\b\f\x00\x1f\x7f\x85\u2028\u202e\udcffé😀')))
KEYS = st.text(max_size=8) | st.integers() | st.floats() | st.booleans() | st.none()
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=5) | st.tuples(inner, inner)
                      | st.dictionaries(KEYS, inner, max_size=5), max_leaves=40)


def expected(data, indent=2) -> str:
    return json.dumps(data, indent=indent, ensure_ascii=False)


@given(VALUES, st.sampled_from([2, 0, 1, 4]))
@settings(max_examples=600, deadline=None)
def test_the_same_text_as_json(data, indent):
    assert jsontext.dumps(data, indent) == expected(data, indent)


class Law(str, enum.Enum):
    STATE = "state"


class Count(int, enum.Enum):
    ONE = 1


class Text(str):
    pass


@pytest.mark.parametrize("data", [
    {}, [], "", 0, None, True, [[]], {"a": {}}, {"a": [[], {}, [[{}]]]},
    {1: "int key", 2.5: "float key", True: "bool key", None: "null key", float("nan"): 1, float("inf"): 2},
    [float("nan"), float("-inf"), 1e16, -0.0, 1e-7, 10 ** 40, True, False],
    {"law": Law.STATE, "count": Count.ONE, "text": Text("sub\nclass"), Text("key"): Text("v")},
    OrderedDict([("b", 1), ("a", (2, 3))]), ("tuple", ("inside",)), [["a", "b"], ["a", 1]],
    {"deep": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["35 deep"]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]},
])
def test_the_corner_cases_of_json(data):
    assert jsontext.dumps(data) == expected(data)


@pytest.mark.parametrize("data", [{1j: 1}, {"a": 1j}, [b"bytes"], {"a": {1, 2}}, [("a", object())]])
def test_what_json_refuses_is_refused(data):
    with pytest.raises(TypeError):
        json.dumps(data, indent=2)
    with pytest.raises(TypeError):
        jsontext.dumps(data)


def test_a_structure_inside_itself_is_refused_as_json_refuses_it():
    inside = {"a": []}
    inside["a"].append(inside)
    looped = [1]
    looped.append(looped)
    for data in (inside, looped):
        with pytest.raises(ValueError, match="Circular reference detected"):
            jsontext.dumps(data)
    shared = ["x"]
    assert jsontext.dumps([shared, shared, {"s": shared}]) == expected([shared, shared, {"s": shared}])


def test_a_generated_case_report_is_the_same(tmp_path):
    import datetime as dt

    from vetting.decide import evaluate
    from vetting.generate import write
    from vetting.report import to_json

    write(tmp_path / "case", 120, 552, 3)
    data = to_json(evaluate(tmp_path / "case", dt.date(2016, 6, 30), "both", workers=1))
    assert jsontext.dumps(data) == expected(data)
