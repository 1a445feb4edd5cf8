"""`.json` case files read exactly as the YAML loader reads them (vetting/case/jsonfile.py against safeyaml).

1. An escaped UTF-16 surrogate pair (`"\\ud83d\\ude00"`) is one character in YAML 1.2 as in JSON: both loaders
   read it so; half a pair is one clear error (file, line, field), exit status 2 from the CLI.
2. A differential test: on texts made where Python's json parser and the YAML loader part, jsonfile.load gives
   the very data safeyaml.load gives, or the same error.
3. benchmarks/bench_load.py runs (a smoke test: its keys, never its times).
"""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest

from vetting import safeyaml
from vetting.case import jsonfile
from vetting.case.load import load_case
from vetting.errors import InputError
from vetting.generate import AS_OF, write

LOADERS = {"safeyaml": safeyaml.load, "jsonfile": jsonfile.load}


def _read(tmp_path: Path, text: str, loader: str):
    path = tmp_path / "f.json"
    path.write_text(text, encoding="utf-8")
    return LOADERS[loader](path)


# ---------------------------------------------------------------- 1. surrogate pairs


@pytest.mark.parametrize("loader", LOADERS)
@pytest.mark.parametrize("text, data", [
    ('{"a": "\\ud83d\\ude00"}', {"a": "\U0001F600"}),
    ('{"a": "x\\uD83D\\uDE00y\\ud83d\\ude01"}', {"a": "x\U0001F600y\U0001F601"}),
    ('{"\\ud83d\\ude00": 1}', {"\U0001F600": 1}),
    ('{"a": "\\udbff\\udfff \\ud800\\udc00"}', {"a": "\U0010FFFF \U00010000"}),
    ('{"a": "\\\\ud83d"}', {"a": "\\ud83d"}),  # an escaped backslash: no escape at all
])
def test_an_escaped_surrogate_pair_is_one_character(tmp_path, loader, text, data):
    assert _read(tmp_path, text, loader).data == data


@pytest.mark.parametrize("loader", LOADERS)
@pytest.mark.parametrize("text, line, field, half", [
    ('{"a": "\\ud83d"}', 1, "a", "`\\ud83d`, the high half"),
    ('{"a": "\\ude00"}', 1, "a", "`\\ude00`, the low half"),
    ('{"a": "\\ude00\\ud83d"}', 1, "a", "`\\ude00`, the low half"),  # in the wrong order
    ('{"a": "\\ud83d\\ud83d\\ude00"}', 1, "a", "`\\ud83d`, the high half"),
    ('{"a": "\\ud83d x \\ude00"}', 1, "a", "`\\ud83d`, the high half"),
    ('{"a": "\\\\\\ud83d"}', 1, "a", "`\\ud83d`, the high half"),  # an escaped backslash, then half a pair
    ('{"a": "\\\\ud83d\\ude00"}', 1, "a", "`\\ude00`, the low half"),  # `\\` then `ud83d`, then half a pair
    ('{"a":\n  {"b": ["x", "\\udfff"]}}', 2, "a.b[1]", "`\\udfff`, the low half"),
    ('{"a": 1,\n "\\ud83d": 2}', None, None, "`\\ud83d`, the high half"),  # a key: no field of its own
])
def test_half_a_surrogate_pair_is_one_clear_error(tmp_path, loader, text, line, field, half):
    with pytest.raises(InputError) as caught:
        _read(tmp_path, text, loader)
    error = caught.value
    assert error.file == str(tmp_path / "f.json")
    assert half in error.message and "surrogate pair without its other half" in error.message
    if line is not None:
        assert (error.line, error.field) == (line, field)
    else:
        assert error.line == 2
    assert "\\ud83d\\ude00" in error.hint
    assert str(error).isascii()  # the half is written out, never sent to the terminal


def test_a_yaml_case_file_reads_the_pair_in_any_double_quoted_scalar(tmp_path):
    path = tmp_path / "f.yaml"
    path.write_text('a: "\\ud83d\\ude00"\nb:\n- "x \\uD83D\\uDE00"\n"\\ud83d\\ude01": 1\n', encoding="utf-8")
    assert safeyaml.load(path).data == {"a": "\U0001F600", "b": ["x \U0001F600"], "\U0001F601": 1}


def _roster(tmp_path: Path, fmt: str, name: str) -> Path:
    """A small generated case whose first unit has the name `name` as written in the file."""
    folder = tmp_path / fmt
    write(folder, 20, 10, 1, fmt)
    units = folder / f"units-000.{fmt}"
    text = units.read_text(encoding="utf-8")
    plain = "Synthetic unit 0 (headquarters)"
    written = f'"{plain}"' if fmt == "json" else plain
    assert text.count(written) == 1
    units.write_text(text.replace(written, f'"{name}"'), encoding="utf-8")
    return folder


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_a_case_reads_the_pair_as_one_character(tmp_path, fmt):
    case = load_case(_roster(tmp_path, fmt, "Unit \\ud83d\\ude00"))
    assert case.units["u-000000"].name == "Unit \U0001F600"


@pytest.mark.parametrize("fmt", ["json", "yaml"])
@pytest.mark.parametrize("half", ["\\ud83d", "\\ude00"])
def test_evaluate_refuses_half_a_pair_with_exit_2(tmp_path, fmt, half, run_cli, expect_error, at):
    folder = _roster(tmp_path, fmt, f"Unit {half}")
    units = folder / f"units-000.{fmt}"
    for output in ([], ["--format", "json"]):
        result = run_cli("evaluate", folder, "--as-of", AS_OF.isoformat(), *output)
        expect_error(result, units, at(units, half), "units[0].name", f"`{half}`", "surrogate pair",
                     hint="both halves of its pair")


# ---------------------------------------------------------------- 2. jsonfile against safeyaml, on texts made to differ
#
# Whenever Python's json parser and the YAML loader could read a text differently, jsonfile must hand it to the
# YAML loader: for every text below, both give the same data (same types, same order, `-0.0` as `-0.0`) or the
# same error. The texts are JSON, or nearly (a trailing comma, a tab, `NaN`), built from the pieces where the two
# parsers part: escapes of control characters, DEL, C1 controls, NEL, U+2028/9, U+FFFE/F and the byte order mark
# (and the same characters unescaped), surrogate pairs and their halves, numbers YAML reads as text or refuses,
# duplicate keys (also one written with an escape), long keys, line breaks before a `:`, nesting near the bound.

from unittest import mock  # noqa: E402

from hypothesis import HealthCheck, example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

DIFFER = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FEWER = settings(DIFFER, max_examples=120)

_CODEPOINTS = [0x00, 0x01, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B, 0x1F, 0x20, 0x22, 0x23, 0x26, 0x2A, 0x2C,
               0x2F, 0x3A, 0x5C, 0x7E, 0x7F, 0x80, 0x84, 0x85, 0x86, 0x9B, 0x9F, 0xA0, 0xAD, 0xE9, 0x2028, 0x2029,
               0xD7FF, 0xE000, 0xFEFF, 0xFFFD, 0xFFFE, 0xFFFF, 0x1F600, 0x10FFFF]


def _escaped(code: int, upper: bool) -> str:
    units = chr(code).encode("utf-16-be", "surrogatepass")
    out = "".join(f"\\u{int.from_bytes(units[i:i + 2], 'big'):04x}" for i in range(0, len(units), 2))
    return out.upper().replace("\\U", "\\u") if upper else out


_RAW = [c for c in map(chr, _CODEPOINTS) if c not in '"\\']  # json refuses C0 controls unescaped
_ESCAPES = ["\\n", "\\t", "\\b", "\\f", "\\r", '\\"', "\\\\", "\\/", "\\ud83d", "\\ude00", "\\uDBFF", "\\udc00",
            "\\ud83d\\ude00", "\\\\ud83d"]
_WORDS = ["a", "A", " ", "x: y", "# c", "- ", "true", "null", "1e5", "&a", "*a", "!!int", "'", "%", "{", "]"]


def _pieces(valid: bool):
    return st.one_of(
        st.sampled_from([c for c in _RAW if not valid or c >= " "]),  # as it is
        st.builds(_escaped, st.sampled_from(_CODEPOINTS), st.booleans()),
        st.sampled_from(_ESCAPES if valid else _ESCAPES + ["\\x41", "\\e", "\\N", "\\u12"]),
        st.sampled_from(["\\ud83d", "\\ude00", "\\uDBFF", "\\udc00", "\\ud83d\\ude00", "\\\\ud83d", "\\ud800\\udc00"]),
        st.sampled_from(_WORDS),
        st.integers(985, 1030).map(lambda n: "k" * n),  # a key near YAML's bound on a key's length
        st.text(st.characters(codec="utf-8", min_codepoint=0x20 if valid else 0, exclude_characters='"\\'),
                max_size=3),
    )


def _string(valid: bool):
    return st.lists(_pieces(valid), max_size=3).map(lambda pieces: '"' + "".join(pieces) + '"')


def _key(valid: bool):
    return st.one_of(st.sampled_from(['"a"', '"b"', '"\\u0061"', '"\\ud83d\\ude00"', '"\U0001F600"', '""',
                                      '"<<"', '"true"', '"1"']), _string(valid))


def _number_text(sign: str, whole: str, fraction: str | None, exponent: str | None) -> str:
    return sign + whole + ("" if fraction is None else "." + fraction) + ("" if exponent is None else exponent)


def _number(valid: bool):
    whole = st.one_of(st.integers(0, 10 ** 20).map(str), st.integers(95, 105).map(lambda n: "9" * n),
                      st.sampled_from(["0", "4" * 400] if valid else ["0", "00", "01", "4" * 400]))
    exponent = st.builds("".join, st.tuples(st.sampled_from("eE"), st.sampled_from(["", "+", "-"]),
                                            st.sampled_from(["0", "3", "5", "308", "309", "999"])))
    written = st.builds(_number_text, st.sampled_from(["", "-"] if valid else ["", "-", "+"]), whole,
                        st.none() | st.integers(0, 10 ** 30).map(str), st.none() | exponent)
    odd = st.sampled_from(["1e5", "-0", "-0.0", "1.0e+3", "1E5", "1.5E-3", "1e999", "1.0e999", "-1.0e-999"]
                          + ([] if valid else [".5", "1.", "NaN", "Infinity", "-Infinity", "0x10", "1_000"]))
    floats = st.floats(allow_nan=not valid, allow_infinity=not valid).map(repr)
    return st.one_of(written, odd, floats, st.integers(-10 ** 130, 10 ** 130).map(str))


def _space(valid: bool):
    spaces = ["", "", " ", " ", "\n", "\n  ", "\r\n", "\r", "\t"]  # a tab is a close call: not too many
    return st.sampled_from(spaces if valid else spaces + ["\u2028", "\x85", "\ufeff"])


def _before_colon(valid: bool):
    return st.sampled_from(["", "", "", " ", "\n", " " * 30, " " * 1030] + ([] if valid else ["\t"]))


def _containers(children, valid: bool = True):
    space = _space(valid)
    return st.one_of(
        st.lists(st.tuples(space, children, space), max_size=4).map(_array),
        st.lists(st.tuples(_key(valid), space, _before_colon(valid), space, space, children), max_size=4).map(_object),
    )


def _array(items) -> str:
    return "[" + ",".join(f"{before}{item}{after}" for before, item, after in items) + "]"


def _object(members) -> str:
    return "{" + ",".join(f"{a}{key}{b}:{c}{value}{d}" for key, a, b, c, d, value in members) + "}"


def _value(valid: bool):
    scalar = st.one_of(_string(valid), _number(valid),
                       st.sampled_from(["true", "false", "null"] + ([] if valid else ["True", "~", "yes"])))
    return st.recursive(scalar, lambda children: _containers(children, valid), max_leaves=8)


@st.composite
def _deep(draw):
    """A value nested near the YAML loader's bound on depth."""
    depth = draw(st.integers(safeyaml.MAX_DEPTH - 3, safeyaml.MAX_DEPTH + 2))
    opens = draw(st.lists(st.sampled_from(["[", '{"k":']), min_size=depth, max_size=depth))
    inner = draw(st.sampled_from(["", "1", '"x"', "[]", "{}", "[1, 2]"]))
    if not inner and opens[-1] != "[":
        inner = "null"
    return "".join(opens) + inner + "".join("]" if o == "[" else "}" for o in reversed(opens))


# JSON: json reads every one of these, and the YAML loader must read each the same or refuse it
_JSON = st.builds(lambda before, value, after: before + value + after, _space(True),
                  st.one_of(_value(True), _value(True), _value(True), _deep()), _space(True))
# nearly JSON, some not at all: json refuses many of these, and then the YAML loader decides alone
_NEARLY = st.builds(lambda before, value, after: before + value + after,
                    st.sampled_from(["", "\n", "\ufeff", "\t", "--- "]), _value(False),
                    st.sampled_from(["", "\n", ",", "]", "# c", "\n---\n{}", "\x00", "\n...\n"]))

# data as the generator writes it, dumped in the ways json.dumps can
_DATA = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-10 ** 110, 10 ** 110), st.floats(allow_nan=False),
              st.text(st.characters(codec="utf-8"), max_size=8)),
    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=4), kids, max_size=4),
    max_leaves=20)
_DUMPED = st.builds(lambda data, ascii_only, indent, separators: json.dumps(
    data, ensure_ascii=ascii_only, indent=indent, separators=separators),
    _DATA, st.booleans(), st.sampled_from([None, 0, 1, 2, "\t"]), st.sampled_from([None, (",", ":"), (", ", ": ")]))

_FOLDER = Path(tempfile.mkdtemp(prefix="vetting-jsonfile-"))


def _both(text: str):
    path = _FOLDER / "differ.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")  # a lone surrogate written raw: not UTF-8

    def outcome(load):
        try:
            return "data", repr(load(path).data)
        except InputError as err:
            return "error", str(err)

    return outcome(jsonfile.load), outcome(safeyaml.load)


@DIFFER
@given(_JSON)
@example('{"a": "\\ud83d\\ude00"}')
@example('{"a": "x\x85y"}')
@example('{"a":\t1}')
@example('{"a": ' + "9" * 101 + "}")
@example('{"a"\n: 1}')
@example('{"' + "k" * 1100 + '": 1}')
@example('{"a"' + " " * 1030 + ": 1}")
@example('{"' + "\\ud83d\\ude00" * 79 + '"' + " " * 80 + ": 1}")  # a key of 79 characters, 950 in the file
@example('{"a": "\x7f"}')
@example('{"a": "\ufffe"}')
@example('{"x\u2028": 1}')
def test_jsonfile_reads_what_safeyaml_reads(text):
    from_json, from_yaml = _both(text)
    assert from_json == from_yaml


@FEWER
@given(_NEARLY)
def test_jsonfile_reads_what_safeyaml_reads_of_texts_nearly_json(text):
    from_json, from_yaml = _both(text)
    assert from_json == from_yaml


@FEWER
@given(_DUMPED)
def test_jsonfile_reads_what_safeyaml_reads_of_json_dumps(text):
    from_json, from_yaml = _both(text)
    assert from_json == from_yaml


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 12), st.data())
def test_jsonfile_and_safeyaml_agree_near_the_bound_on_values(bound, data):
    """The bound on values, made small here so that hypothesis reaches it."""
    text = data.draw(st.recursive(st.sampled_from(["1", '"x"', "null"]), _containers, max_leaves=bound + 4))
    with mock.patch.object(safeyaml, "MAX_NODES", bound):
        from_json, from_yaml = _both(text)
    assert from_json == from_yaml


# ---------------------------------------------------------------- 3. the load benchmark, as a smoke test


def test_the_load_benchmark_runs():
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, str(root / "benchmarks" / "bench_load.py"), "--quick"],
                          capture_output=True, text=True, timeout=300, cwd=root)
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert {"mb", "parse_cpu_s", "validate_cpu_s", "checks_cpu_s", "total_cpu_s", "mb_per_cpu_s"} <= set(figures)
    assert figures["mb"] > 0 and figures["entities"] > 1000
    assert figures["total_cpu_s"] >= figures["parse_cpu_s"] + figures["validate_cpu_s"] + figures["checks_cpu_s"] - 0.01


# ---------------------------------------------------------------- 4. what loading faster must keep the same


def _every_citation(model, loc=()):
    """The walk over every field that `merged.citations` did before it walked only the fields that can hold one."""
    from pydantic import BaseModel

    from vetting.case.schema import Citation

    for name, info in type(model).model_fields.items():
        key, value = info.alias or name, getattr(model, name)
        if isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, Citation):
                    yield loc + (key, index), item
                elif isinstance(item, BaseModel):
                    yield from _every_citation(item, loc + (key, index))
        elif isinstance(value, Citation):
            yield loc + (key,), value
        elif isinstance(value, BaseModel):
            yield from _every_citation(value, loc + (key,))


def test_citations_are_found_in_the_fields_that_can_hold_them_all_and_in_order(tmp_path):
    from vetting.case.merged import citations
    from vetting.case.schema import COLLECTIONS

    write(tmp_path / "roster", 300, 600, 2, "json")
    root = Path(__file__).resolve().parent.parent
    for case in (load_case(root / "cases" / "mexico-2015"), load_case(tmp_path / "roster")):
        found = 0
        for name in COLLECTIONS:
            for entity in case.collection(name).values():
                walked = list(citations(entity))
                assert walked == list(_every_citation(entity))
                found += len(walked)
        assert found > 100
