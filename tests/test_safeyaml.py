"""vetting.safeyaml: plain data only, a line for every value, and hostile files fail fast with one InputError."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from vetting import safeyaml
from vetting.errors import InputError


def _load(tmp_path: Path, text: str | bytes) -> safeyaml.Document:
    path = tmp_path / "f.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return safeyaml.load(path)


def _error(tmp_path: Path, text: str | bytes) -> InputError:
    with pytest.raises(InputError) as caught:
        _load(tmp_path, text)
    assert caught.value.file == str(tmp_path / "f.yaml")
    return caught.value


def test_plain_data_and_lines(tmp_path):
    doc = _load(tmp_path, "units:\n- id: zone\n  personnel: 10000\n  parents:\n  - unit: army\n    from: 2010-01-01\n")
    assert doc.data == {"units": [{"id": "zone", "personnel": 10000,
                                   "parents": [{"unit": "army", "from": "2010-01-01"}]}]}
    assert doc.line(("units",)) == 1
    assert doc.line(("units", 0)) == 2
    assert doc.line(("units", 0, "personnel")) == 3
    assert doc.line(("units", 0, "parents", 0, "from")) == 6
    # a path the file does not spell out gets the line of its deepest known part
    assert doc.line(("units", 0, "parents", 0, "to")) == 5


@pytest.mark.parametrize("text, value", [
    ("2014-06-30", "2014-06-30"),  # dates stay text, for the models to parse strictly
    ("2014-06-30 10:00:00", "2014-06-30 10:00:00"),
    ("NO", "NO"),  # the country code of Norway, not a boolean (YAML 1.1 would say false)
    ("yes", "yes"),
    ("on", "on"),
    ("true", True),
    ("false", False),
    ("null", None),
    ("~", None),
    ("", None),
    ("42", 42),
    ("-7", -7),
    ("1.5", 1.5),
    ("0x1F", "0x1F"),  # no hexadecimal, octal or sexagesimal numbers
    ("0o17", "0o17"),
    ("1:30", "1:30"),
    ("'42'", "42"),
    ("!!str 42", "42"),
    (".inf", ".inf"),
], ids=repr)
def test_scalars_follow_the_yaml_1_2_core_schema(tmp_path, text, value):
    assert _load(tmp_path, f"value: {text}\n").data == {"value": value}


@pytest.mark.parametrize("text", ["", "# nothing yet\n", "---\n", "\n\n"], ids=repr)
def test_an_empty_document_is_none(tmp_path, text):
    assert _load(tmp_path, text).data is None


def test_a_byte_order_mark_is_fine(tmp_path):
    assert _load(tmp_path, b"\xef\xbb\xbfcase: {id: a}\n").data == {"case": {"id": "a"}}


def test_not_utf8(tmp_path):
    err = _error(tmp_path, b"a: 1\nb: 2\nc: caf\xe9\n")
    assert (err.line, err.message, err.hint) == (3, "the file is not valid UTF-8", "save the file as UTF-8")


def test_too_large(tmp_path, monkeypatch):
    monkeypatch.setattr(safeyaml, "MAX_BYTES", 100)
    err = _error(tmp_path, "a: " + "x" * 200 + "\n")
    assert "the file is larger than" in err.message


def test_unreadable(tmp_path):
    with pytest.raises(InputError) as caught:
        safeyaml.load(tmp_path / "missing.yaml")
    assert caught.value.message == "cannot read the file: no such file or directory"


@pytest.mark.parametrize("text, line, words, hint", [
    ("a: [1, 2\nb: 3\n", 2, "expected ',' or ']'", "flow sequence that starts on line 1"),
    ("a: {x: 1\n", 2, "expected ',' or '}'", "flow mapping that starts on line 1"),
    ("a:\n\tb: 1\n", 2, "found character '\\t'", "indent with spaces, not tabs"),
    ("a: 1\n b: 2\n", 2, "mapping values are not allowed here", None),
    ("a: *nowhere\n", 1, "found undefined alias 'nowhere'", None),
    ("a: &x 1\nb: &x 2\n", 2, "found duplicate anchor 'x'", "the first is on line 1"),
    ("a: 1\n---\nb: 2\n", 2, "but found another document", None),
    ("a: 'open\n", 2, "found unexpected end of stream", "scalar that starts on line 1"),
], ids=["unclosed-bracket", "unclosed-brace", "tab", "bad-indent", "undefined-alias", "duplicate-anchor",
        "two-documents", "unclosed-quote"])
def test_syntax_errors(tmp_path, text, line, words, hint):
    err = _error(tmp_path, text)
    assert err.line == line and err.message.startswith("not valid yaml: ") and words in err.message, err
    assert err.field is None
    if hint:
        assert hint in err.hint, err


@pytest.mark.parametrize("text, line, field, tag", [
    ('a: !!python/object/apply:os.system ["echo hi"]\n', 1, "a", "!!python/object/apply:os.system"),
    ("a: !!python/name:os.system\n", 1, "a", "!!python/name:os.system"),
    ("a:\n  b: !!python/tuple [1, 2]\n", 2, "a.b", "!!python/tuple"),
    ("a:\n- !custom {x: 1}\n", 2, "a[0]", "!custom"),
    ("a: !custom text\n", 1, "a", "!custom"),
    ("a: !!binary aGk=\n", 1, "a", "!!binary"),
    ("a: !!timestamp 2014-06-30\n", 1, "a", "!!timestamp"),
    ("a: !!set {x, y}\n", 1, "a", "!!set"),
    ("a: !!omap [x: 1]\n", 1, "a", "!!omap"),
    ("? !!python/name:os.system\n: 1\n", 1, None, "!!python/name:os.system"),
    ("!!python/object:object {}\n", 1, None, "!!python/object:object"),
], ids=lambda v: v if isinstance(v, str) and v.startswith("!") else None)
def test_tags_that_build_objects_are_refused(tmp_path, text, line, field, tag):
    err = _error(tmp_path, text)
    assert (err.line, err.field, err.message) == (line, field, f"the yaml tag `{tag}` is not allowed")
    assert err.hint == "case files hold plain data: no tags that build objects"


def test_a_refused_tag_runs_nothing(tmp_path):
    marker = tmp_path / "ran"
    _error(tmp_path, f'a: !!python/object/apply:os.system ["touch {marker}"]\n')
    _error(tmp_path, f'a: !!python/object/new:subprocess.Popen [["touch", "{marker}"]]\n')
    assert not marker.exists()


@pytest.mark.parametrize("text, line, field", [
    ("base: &b {kind: military}\nunit:\n  <<: *b\n  id: a\n", 3, "unit.<<"),
    ("unit:\n  id: a\n  <<: {kind: military}\n", 3, "unit.<<"),
    ("unit:\n  id: a\n  !!merge <<: {kind: military}\n", 3, "unit.<<"),
], ids=["alias", "inline", "explicit-tag"])
def test_merge_keys_are_refused(tmp_path, text, line, field):
    err = _error(tmp_path, text)
    assert (err.line, err.field, err.message) == (line, field, "merge keys (`<<`) are not allowed")


def test_a_quoted_double_angle_is_an_ordinary_key(tmp_path):
    assert _load(tmp_path, "'<<': 1\n").data == {"<<": 1}


@pytest.mark.parametrize("text, line, field, first", [
    ("a: 1\nb: 2\na: 3\n", 3, "a", 1),
    ("units:\n- id: x\n  name: y\n  id: z\n", 4, "units[0].id", 2),
    ("a: {x: 1, x: 2}\n", 1, "a.x", 1),
    ("a: 1\n'a': 2\n", 2, "a", 1),  # quoting does not make a key different
], ids=["top", "nested", "flow", "quoted"])
def test_duplicate_keys_are_refused(tmp_path, text, line, field, first):
    err = _error(tmp_path, text)
    key = field.rsplit(".", 1)[-1].split("[")[0]
    assert (err.line, err.field) == (line, field)
    assert err.message == f"the key `{key}` appears twice in the same mapping"
    assert err.hint == f"the first is on line {first}"


def test_a_key_must_be_a_plain_string(tmp_path):
    err = _error(tmp_path, "a:\n  ? [x, y]\n  : 1\n")
    assert (err.line, err.field, err.message) == (2, "a", "a key must be a plain string")


def test_keys_are_text_as_written(tmp_path):
    assert _load(tmp_path, "1: a\ntrue: b\n1.50: c\n").data == {"1": "a", "true": "b", "1.50": "c"}


def test_aliases_of_small_blocks_are_fine(tmp_path):
    doc = _load(tmp_path, "a: &s [news, article]\nb: *s\n")
    assert doc.data == {"a": ["news", "article"], "b": ["news", "article"]}


def test_billion_laughs_fails_fast(tmp_path):
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 10):
        prev, name = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    start = time.perf_counter()
    err = _error(tmp_path, "\n".join(lines) + "\n")
    elapsed = time.perf_counter() - start
    assert err.message == f"the document expands to more than {safeyaml.MAX_NODES} values"
    assert "aliases" in err.hint
    assert elapsed < 5, f"{elapsed:.1f} s"  # a sanity bound: it takes well under a second


@pytest.mark.parametrize("text", [
    "a: " + "[" * 10_000 + "]" * 10_000 + "\n",
    "a: " + "[" * 100_000 + "\n",  # not even closed: the depth bound comes first
    "a: " + "{b: " * 10_000 + "c" + "}" * 10_000 + "\n",
    "".join(" " * i + "-\n" for i in range(1_000)),
    "".join(" " * i + f"k{i}:\n" for i in range(1_000)),
    "a: &a [*a]\n",
    "a: &a {b: *a}\n",
], ids=["brackets", "unclosed-brackets", "braces", "block-sequence", "block-mapping", "self-alias-list",
        "self-alias-map"])
def test_absurd_nesting_fails_fast(tmp_path, text):
    start = time.perf_counter()
    err = _error(tmp_path, text)
    elapsed = time.perf_counter() - start
    assert err.message == f"the document is nested deeper than {safeyaml.MAX_DEPTH} levels"
    assert elapsed < 5, f"{elapsed:.1f} s"


def test_nesting_up_to_the_bound_is_fine(tmp_path):
    depth = safeyaml.MAX_DEPTH - 1
    doc = _load(tmp_path, "a: " + "[" * depth + "]" * depth + "\n")
    inner = doc.data["a"]
    for _ in range(depth - 1):
        inner = inner[0]
    assert inner == []
