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

    def __str__(self) -> str:
        where = ":".join(str(p) for p in (self.file, self.line) if p is not None)
        head = f"{where}: " if where else ""
        if self.field:
            head += f"`{self.field}`: "
        text = f"error: {head}{self.message}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return _visible(text)


def _visible(text: str) -> str:
    """Control characters written out (`\\x1b`): a file name or an argument must not drive the terminal."""
    return re.sub(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", lambda m: ascii(m.group())[1:-1], text)


def did_you_mean(word: str, choices) -> str | None:
    import difflib

    by_lower = {str(c).lower(): str(c) for c in choices}  # `DoD` is `dod` in the wrong case
    close = difflib.get_close_matches(str(word).lower(), list(by_lower), n=1, cutoff=0.6)
    return f"did you mean `{by_lower[close[0]]}`?" if close else None
