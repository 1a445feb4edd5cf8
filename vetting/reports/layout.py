"""Terminal layout that never cuts an id or splits a URL, at any width (80 columns, or a file).

Names and sentences wrap between words and a word too long for its column folds; ids, statuses, numbers and
URLs are never broken: a table column holding them is at least as wide as the longest of them (the widths are
set here: rich's own shrinking ignores a column's minimum), and when the table cannot be that wide in the
console it is printed as one block per row instead. A token longer than the whole line (a long URL) is printed
whole, past the edge, never split.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text

from vetting.errors import _HIDDEN, escape_hidden

MIN_TEXT = 10  # the narrowest a column of names or sentences gets before the table gives way to blocks


@dataclass(frozen=True)
class Column:
    header: str
    whole: bool = False  # True: its words are ids, statuses, numbers or URLs, never broken
    justify: str = "left"


def subject(name: str, sid: str) -> Text:
    """A unit, person or proposal: its name (which may wrap) and, on a line of its own, its id."""
    return Text(name) + Text("\n") + Text(sid, style="dim")


def _text(cell) -> Text:
    """A cell or a line as rich Text, hidden characters written out (`\\u202e`): a name in a case file must not
    reorder or hide what the terminal shows (the console does this for plain strings, not for Text)."""
    text = cell if isinstance(cell, Text) else Text("" if cell is None else str(cell))
    for match in reversed(list(_HIDDEN.finditer(text.plain))):
        text = text[:match.start()] + Text(escape_hidden(match.group())) + text[match.end():]
    return text


def _longest_word(text: Text) -> int:
    return max((cell_len(word) for word in text.plain.split()), default=0)


def _longest_line(text: Text) -> int:
    return max((cell_len(line) for line in text.plain.split("\n")), default=0)


def _needed(column: Column, cells: list[Text], first: bool) -> int:
    """The narrowest the column can be without breaking a word that must stay whole."""
    header = cell_len(column.header)
    if column.whole:
        return max([header, *(_longest_word(c) for c in cells)])
    if first:  # a subject column: the id (last line of each cell) stays whole
        ids = [cell_len(c.plain.rsplit("\n", 1)[-1]) for c in cells if "\n" in c.plain]
        return max([header, MIN_TEXT, *ids])
    return max(header, MIN_TEXT)


def widths(columns: list[Column], rows: list[list[Text]], space: int, subject_first: bool) -> list[int] | None:
    """Column widths that keep every whole word whole and fill at most `space` cells; None if none can."""
    needed = [_needed(col, [row[i] for row in rows], subject_first and i == 0) for i, col in enumerate(columns)]
    natural = [max([cell_len(col.header), *(_longest_line(row[i]) for row in rows)]) for i, col in enumerate(columns)]
    natural = [max(n, m) for n, m in zip(natural, needed)]
    spare = space - sum(needed)
    if spare < 0:
        return None
    out = list(needed)
    while spare > 0:  # widen, one cell at a time, the column furthest from its natural width
        gap, index = max((natural[i] - out[i], i) for i in range(len(out)))
        if gap <= 0:
            break
        out[index] += 1
        spare -= 1
    return out


def print_table(console, title: str | None, columns: list[Column], rows: list[list], *, subject_first=True) -> None:
    """A table if it fits the console with every id whole; else one block per row."""
    cells = [[_text(c) for c in row] for row in rows]
    frame = 3 * len(columns) + 1  # a border and a space each side of every cell, and the last border
    sizes = widths(columns, cells, console.width - frame, subject_first)
    if sizes is not None:
        table = Table(title=title, title_justify="left")
        for col, width in zip(columns, sizes):
            table.add_column(col.header, justify=col.justify, width=width, overflow="fold")
        for row in cells:
            table.add_row(*row)
        console.print(table)
        return
    if title:
        console.print(Text(title, style="italic"))
    for row in cells:
        _print_block(console, columns, row, subject_first)


def _print_block(console, columns: list[Column], row: list[Text], subject_first: bool) -> None:
    """A row as a name on its own line, then `id · column: value · ...` wrapped between words, indented."""
    parts, start = [], 0
    if subject_first:
        name, _, sid = row[0].plain.rpartition("\n")
        print_wrapped(console, Text(name or sid, style="bold"))
        if name:
            parts.append(Text(sid))
        start = 1
    for col, cell in zip(columns[start:], row[start:]):
        if cell.plain.strip():
            parts.append(Text(f"{col.header}: ", style="dim") + cell)
    print_wrapped(console, Text(" · ").join(parts), indent=2, hang=4)


def print_wrapped(console, text, indent: int = 0, hang: int | None = None) -> None:
    """Print `text` wrapped between words, the first line indented by `indent` and the next by `hang`; a word
    longer than the line is printed whole (past the edge), never split."""
    text = _text(text)
    hang = indent if hang is None else hang
    for number, line in enumerate(wrap(text, max(console.width - max(indent, hang), 20))):
        console.print(Text(" " * (hang if number else indent)) + line, crop=False, overflow="ignore",
                      no_wrap=True, soft_wrap=True)


def wrap(text: Text, width: int) -> list[Text]:
    """Lines of at most `width` cells, broken only between words (and at line breaks); never inside a word."""
    lines = []
    for paragraph in text.split("\n"):
        start, used, end = 0, 0, 0
        for match in re.finditer(r"\S+", paragraph.plain):
            word = cell_len(match.group())
            if used and cell_len(paragraph.plain[start:match.end()]) > width:
                lines.append(paragraph[start:end])
                start, used = match.start(), 0
            end = match.end()
            used += word
        lines.append(paragraph[start:end] if used else Text())
    return lines
