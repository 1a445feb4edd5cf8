"""Read a `.json` case file fast, and exactly as the YAML loader would read it.

JSON is YAML 1.2's flow style, so a JSON case file is a YAML case file: `safeyaml.load` reads it, keeping the
line of every value, at about 0.1 MB/s. Python's C `json` parser reads it a hundred times faster but keeps no
lines. So a `.json` file is parsed with `json`, and its line index is built only if an error needs a line (by
`safeyaml`, from the same file). Whenever `json` and the YAML loader could disagree — a duplicate key, a number
YAML reads as text (`1e5`) or refuses (more than 100 digits), `NaN`, an escaped control character or half a
surrogate pair, a raw character YAML refuses or reads as a line break (DEL, C1 controls, NEL, U+2028/9, U+FFFE/F,
a tab), a key YAML cannot take as a key (its `:` on another line, or over 1024 characters on), more nesting or
values than the YAML loader's bounds, invalid JSON, an empty file — the file goes through `safeyaml.load` instead,
which either reads it or gives the one clear error with its line. The data is therefore never different from what
the YAML loader returns, and every error still names file, line and field (tests/test_jsonfile.py checks it).
"""
from __future__ import annotations

import hashlib
import itertools
import json
import re
from pathlib import Path

from vetting import safeyaml
from vetting.errors import InputError

# what the YAML loader reads as a float; any other number (`1e5`, `-1E3`) it reads as text
_YAML_FLOAT = re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$")
# escapes decoding to a control character (refused by the YAML loader)
_DOUBTFUL_ESCAPE = re.compile(r"\\(?:[bfr]|u00[01][0-9a-fA-F]|u007[fF]|u00[89][0-9a-fA-F])")
# an escaped UTF-16 surrogate: `json` joins a high half and the low half after it into one character, as the YAML
# loader does, and keeps a half left alone, which the YAML loader refuses
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# characters json takes as they are and the YAML loader does not: DEL, C1 controls and U+FFFE/U+FFFF it refuses
# anywhere; NEL, U+2028 and U+2029 are line breaks to it (a NEL inside a string folds into a space); a tab between
# tokens it refuses (json refuses one inside a string)
_DOUBTFUL_CHARACTER = re.compile("[\t\x7f-\x9f\u2028\u2029\ufffe\uffff]")
# a JSON string: unrolled (`[^"\\]*` runs in one C loop), three times faster than a branch for every character
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}
# a key the YAML loader cannot take as a key: its `:` on another line, or more than 1024 characters after the
# key's opening quote (both YAML's bounds on an implicit key). Searched on the text without its strings: a line
# break before a `:`, or 60 spaces or more; and a key of `_LONG_KEY` characters or more (at most 12 characters
# in the file each, `\ud83d\ude00`) is sent to the YAML loader by `_decoder`.
_BREAK_BEFORE_COLON = re.compile(r"[\r\n][ \r\n]*:")
_SPACES_BEFORE_COLON = re.compile(" {60,}:")
_LONG_KEY = 80


class _Doubt(Exception):
    """json and the YAML loader might read this file differently: let the YAML loader decide."""


def _decoder() -> json.JSONDecoder:
    short: set = set()  # keys seen shorter than _LONG_KEY: the keys of a case file are few, and repeat

    def pairs(items):
        out = dict(items)
        if len(out) != len(items):
            raise _Doubt("duplicate key")
        if not short.issuperset(out):
            for key in out:
                if len(key) >= _LONG_KEY:
                    raise _Doubt("a long key")
                short.add(key)
        return out

    return json.JSONDecoder(object_pairs_hook=pairs, parse_float=_float, parse_int=_int, parse_constant=_constant)


def _float(text: str) -> float:
    if not _YAML_FLOAT.match(text):
        raise _Doubt("a number YAML reads as text")
    return float(text)


def _int(text: str) -> int:
    if len(text) - text.startswith("-") > safeyaml.MAX_DIGITS:
        raise _Doubt("a number longer than the YAML loader allows")
    return int(text)


def _constant(text: str):
    raise _Doubt(f"`{text}`")


def _doubt(text: str) -> str | None:
    """Why json might read `text` otherwise than the YAML loader, as far as the text shows before parsing it."""
    if _DOUBTFUL_ESCAPE.search(text):
        return "an escape the YAML loader refuses"
    if "\t" in text or "\x7f" in text or (not text.isascii() and _DOUBTFUL_CHARACTER.search(text)):
        return "a character the YAML loader refuses or reads as a line break"
    bare = _STRING.sub("", text)  # one pass; in valid JSON exactly its strings (invalid JSON json refuses)
    # an upper bound on the values: each follows a comma or opens a container (a close call goes to the YAML loader)
    if bare.count(",") + bare.count("[") + bare.count("{") + 1 > safeyaml.MAX_NODES:
        return "more values than the YAML loader allows"
    brackets = _NOT_BRACKET.sub("", bare)
    if max(itertools.accumulate(map(_STEP.__getitem__, brackets)), default=0) >= safeyaml.MAX_DEPTH:
        return "deeper than the YAML loader allows"
    if _BREAK_BEFORE_COLON.search(bare) or _SPACES_BEFORE_COLON.search(bare):
        return "a key the YAML loader cannot take as a key"
    return None


class Document(safeyaml.Document):
    """A JSON case file's data; the line of a path is looked up only when an error asks for it."""

    def __init__(self, path: str, data, sha256: str):
        self.path, self.data, self.sha256 = path, data, sha256
        self._lines: dict | None = None

    @property
    def lines(self) -> dict:
        if self._lines is None:
            try:
                again = safeyaml.load(Path(self.path))
                # the file changed since it was read: its lines would point at other values
                self._lines = again.lines if again.sha256 == self.sha256 else {}
            except InputError:
                self._lines = {}  # the error still names the file and the field
        return self._lines


def load(path: Path) -> safeyaml.Document:
    raw = safeyaml.read_bytes(path)
    text = safeyaml.read_text(path, raw)
    try:
        why = _doubt(text)
        if why:
            raise _Doubt(why)
        data = _decoder().decode(text)
        if _SURROGATE_ESCAPE.search(text) and _SURROGATE.search(json.dumps(data, ensure_ascii=False)):
            raise _Doubt("half a surrogate pair")
    except (_Doubt, ValueError, RecursionError):
        return safeyaml.load(path)
    return Document(str(path), data, hashlib.sha256(raw).hexdigest())
