"""`.json` case files read exactly as the YAML loader reads them (vetting/case/jsonfile.py against safeyaml).

1. An escaped UTF-16 surrogate pair (`"\\ud83d\\ude00"`) is one character in YAML 1.2 as in JSON: both loaders
   read it so; half a pair is one clear error (file, line, field), exit status 2 from the CLI.
"""
from __future__ import annotations

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
