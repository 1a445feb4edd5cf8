"""A report as a document: a title, lines about it, and sections of tables and paragraphs.

The Markdown, HTML and CSV outputs render a Document, so every report command has every format from one
description of what it shows (vetting/reports/markdown.py, html.py, csv_export.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field

NOTICE = ("This report applies the Leahy laws, as the rule set encodes them, to the facts the case files state, "
          "with their sources. It is an analysis for advocacy and research; it is not the government's "
          "determination.")


@dataclass(frozen=True)
class Link:
    """Text that links to an http(s) URL (case and rule files allow no other scheme)."""

    text: str
    url: str

    def __str__(self) -> str:
        return f"{self.text} <{self.url}>" if self.text != self.url else self.url


@dataclass(frozen=True)
class Quote:
    """Words quoted from a source."""

    text: str

    def __str__(self) -> str:
        return f"“{self.text}”"


@dataclass
class Section:
    title: str
    header: list = field(default_factory=list)
    rows: list = field(default_factory=list)  # cells: str, Link, Quote, or a list of them (one per line)
    paragraphs: list = field(default_factory=list)  # before the table; a paragraph is a str, Link, Quote or list
    status_columns: tuple = ()  # indexes of columns holding a status or an outcome (coloured in HTML)


@dataclass
class Document:
    title: str
    meta: list  # lines under the title
    sections: list
    csv: Section | None = None  # the one table a CSV export holds
    notice: bool = True
    case_id: str | None = None  # whose the document is, when several cases are reported together


def plain(cell) -> str:
    """A cell as one line of text."""
    if isinstance(cell, (list, tuple)):
        return "; ".join(plain(c) for c in cell if plain(c))
    return "" if cell is None else str(cell)


def rule_titles(rules, findings, skip=("note",)) -> list:
    """The titles of the rules behind the findings, in the rule set's order, each once: the human 'because'."""
    ids = list(dict.fromkeys(f.rule for f in findings if f.effect not in skip))
    return [rules.rule(rid).title for rid in ids]
