"""A Document as Markdown (GitHub-flavoured tables), every text from a case or rule file escaped."""
from __future__ import annotations

import re

from vetting.errors import escape_hidden
from vetting.reports.document import Document, Link, Quote


def escape(text) -> str:
    # backslash-escaped: `<script>` stays text, `[x](javascript:…)` is no link and `&#x202e;` no character in
    # any renderer, and `*`, `_`, `~` and backticks format nothing
    return re.sub(r"([\\<>\[\]|&*_~`#])", r"\\\1", str(text)).replace("\r", " ").replace("\n", " ")


def inline(cell) -> str:
    if isinstance(cell, (list, tuple)):
        return "<br>".join(inline(c) for c in cell)
    if isinstance(cell, Link):
        return f"[{escape(cell.text)}](<{cell.url.replace('>', '%3E').replace(' ', '%20')}>)"
    if isinstance(cell, Quote):
        return f"“{escape(cell.text)}”"
    return escape("" if cell is None else cell)


def render(doc: Document) -> str:
    from vetting.reports.document import NOTICE

    out = [f"# {escape(doc.title)}", ""]
    out += [line for meta in doc.meta for line in (inline(meta), "")]
    if doc.notice:
        out += [f"> {escape(NOTICE)}", ""]
    for section in doc.sections:
        out += [f"## {escape(section.title)}", ""]
        for paragraph in section.paragraphs:
            out += [inline(paragraph), ""]
        if section.rows:
            out += ["| " + " | ".join(escape(h) for h in section.header) + " |", "|" + "---|" * len(section.header)]
            out += ["| " + " | ".join(inline(c) for c in row) + " |" for row in section.rows]
            out.append("")
    return escape_hidden("\n".join(out))


def render_many(docs: list[Document]) -> str:
    """One Markdown text: each document in turn, a rule between them."""
    return "\n---\n\n".join(render(doc) for doc in docs)
