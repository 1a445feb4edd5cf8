"""One clear error for bad input: file, line, field, what was expected, and a hint.

Style after cedar-policy's guide: one sentence, lower case, values in backticks, a separate hint line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


def field_path(loc: tuple) -> str:
    """(`units`, 3, `parents`, 0, `unit`) -> `units[3].parents[0].unit`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


@dataclass
class InputError(Exception):
    """Bad input from a user: a case file, a rule file, a hypothesis or an argument (exit status 2)."""

    message: str
    file: str | None = None
    line: int | None = None
    field: str | None = None
    hint: str | None = None

    def __post_init__(self) -> None:
        # a value quoted into a message (an id `"a\nb"`) must not spread the error over several lines
        for key in ("message", "file", "field", "hint"):
            if isinstance(getattr(self, key), str):
                setattr(self, key, one_line(getattr(self, key)))

    def __str__(self) -> str:
        where = ":".join(str(p) for p in (self.file, self.line) if p is not None)
        head = f"{where}: " if where else ""
        if self.field:
            head += f"`{self.field}`: "
        text = f"error: {head}{self.message}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return _visible(text)


# Characters that must never reach a terminal or a document as themselves: C0 controls but tab and line feed, DEL,
# C1 controls (0x9b opens an ANSI sequence as ESC [ does), and every invisible format character (Unicode categories
# Cf, Zl, Zp): the bidirectional embeddings, overrides, isolates and marks (U+202A-U+202E, U+2066-U+2069, U+200E/F,
# U+061C) that make a text read differently from what it says, zero-width characters, the byte order mark, the
# line and paragraph separators; and lone surrogates (a file name not in UTF-8). The Cf ranges are those of
# Unicode 15 (Python 3.12), a superset of Unicode 14's (3.11); tests/test_output_safety.py checks them against
# the running Python's unicodedata.
_HIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u2028-\u202e\u2060-\u2064\u2066-\u206f\ud800-\udfff\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]")


def one_line(text: str) -> str:
    """Line breaks written out (`\\n`, `\\r`): an error is one line, whatever value it quotes."""
    return text.replace("\r", "\\r").replace("\n", "\\n")


def _visible(text: str) -> str:
    """Hidden characters written out (`\\x1b`, `\\u202e`): a file name or an argument must not drive the terminal,
    nor reorder or hide what a message says."""
    return _HIDDEN.sub(lambda m: ascii(m.group())[1:-1], text).replace("\t", "\\t")


# Tab, line feed and the printable ASCII characters: an ASCII text of only these holds nothing hidden.
_VISIBLE_ASCII = bytes([9, 10, *range(0x20, 0x7f)])


def _escaped(match) -> str:
    units = match.group().encode("utf-16-be", "surrogatepass")
    return "".join(f"\\u{int.from_bytes(units[i:i + 2], 'big'):04x}" for i in range(0, len(units), 2))


def escape_hidden(text: str) -> str:
    """Hidden characters as `\\uXXXX` (astral ones as two): visible text in a document, and inside a JSON string
    the JSON escape of the very same character, so JSON loses nothing."""
    # Quick tests first (a whole report passes through here, 37 MB at 10,000 units: the pattern takes 0.8 s of CPU
    # to find nothing): an ASCII text with no control character but tab and line feed (50 ms), or a text of only
    # printable characters between its line feeds (150 ms) holds nothing to escape. Every character of `_HIDDEN`
    # is one Python does not count printable (tests/test_output_safety.py checks each against the running Python).
    if text.isascii():
        if not text.encode("ascii").translate(None, _VISIBLE_ASCII):
            return text
    elif text.replace("\n", " ").isprintable():
        return text
    return _HIDDEN.sub(_escaped, text)


def did_you_mean(word: str, choices) -> str | None:
    import difflib

    by_lower = {str(c).lower(): str(c) for c in choices}  # `DoD` is `dod` in the wrong case
    close = difflib.get_close_matches(str(word).lower(), list(by_lower), n=1, cutoff=0.6)
    return f"did you mean `{by_lower[close[0]]}`?" if close else None
