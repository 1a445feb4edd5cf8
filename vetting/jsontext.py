"""JSON text indented as `json.dumps(data, indent=2, ensure_ascii=False)` writes it, byte for byte, in less time.

With an indent, json writes through its pure-Python encoder: a chain of generators, one level per nesting level,
that every string passes up through one `yield` at a time (1.6 s of CPU for the 37 MB report of a 10,000-unit
case). Here each container is one call that joins its items: strings through json's own C escaping
(`encode_basestring`), a list of strings in one C call, numbers and constants as json writes them. The text is
the same for any data `json.dumps` accepts with these options: tests/test_jsontext.py compares the two on
generated data and on reports. A structure that contains itself is refused (ValueError) as json refuses it.
"""
from __future__ import annotations

from json.encoder import INFINITY, encode_basestring

__all__ = ["dumps"]


def _float(value: float) -> str:
    # as json with allow_nan=True (its default)
    if value != value:
        return "NaN"
    if value == INFINITY:
        return "Infinity"
    if value == -INFINITY:
        return "-Infinity"
    return float.__repr__(value)


def _bool(value: bool) -> str:
    return "true" if value else "false"


def _null(value: None) -> str:
    return "null"


# the exact types json writes as scalars, and how; anything else (a subclass, a container) takes the long way
_SCALAR = {str: encode_basestring, int: int.__repr__, float: _float, bool: _bool, type(None): _null}


def dumps(data, indent: int = 2) -> str:
    """`json.dumps(data, indent=indent, ensure_ascii=False)`, the same text."""
    if not isinstance(indent, int) or isinstance(indent, bool) or indent < 0:
        raise ValueError(f"indent must be a whole number of spaces, not {indent!r}")
    return _writer(indent)(data, 0)


def _writer(indent: int):
    """The function writing a value at a depth: closures over local names, the quickest Python has."""
    breaks = ["\n" + " " * (indent * depth) for depth in range(32)]  # line break and indentation at each depth
    heads: dict = {}  # a key as written, with its `: `: keys repeat in every record
    open_ids: set = set()  # the containers being written: a container inside itself is refused, as json does
    scalar = _SCALAR.get

    def newline(depth: int) -> str:
        while len(breaks) <= depth:
            breaks.append("\n" + " " * (indent * len(breaks)))
        return breaks[depth]

    def value(item, depth: int) -> str:
        # in json's order: str, None, True, False, int, float, list or tuple, dict (subclasses included)
        write = scalar(type(item))
        if write is not None:
            return write(item)
        if isinstance(item, str):
            return encode_basestring(item)
        text = _scalar_text(item)
        if text is not None:
            return text
        if isinstance(item, (list, tuple)):
            return array(item, depth)
        if isinstance(item, dict):
            return mapping(item, depth)
        raise TypeError(f"Object of type {item.__class__.__name__} is not JSON serializable")

    def array(items, depth: int) -> str:
        if not items:
            return "[]"
        marker = id(items)
        if marker in open_ids:
            raise ValueError("Circular reference detected")
        open_ids.add(marker)
        inner = newline(depth + 1)
        try:
            body = ("," + inner).join(map(encode_basestring, items))  # a list of strings: one C call
        except TypeError:  # not all strings
            body = ("," + inner).join([value(item, depth + 1) for item in items])
        open_ids.discard(marker)
        return "[" + inner + body + newline(depth) + "]"

    def mapping(entries: dict, depth: int) -> str:
        if not entries:
            return "{}"
        marker = id(entries)
        if marker in open_ids:
            raise ValueError("Circular reference detected")
        open_ids.add(marker)
        inner = newline(depth + 1)
        parts = []
        append = parts.append
        for key, item in entries.items():
            head = heads.get(key) if type(key) is str else None
            if head is None:
                head = encode_basestring(key if type(key) is str else _key(key)) + ": "
                if type(key) is str:
                    heads[key] = head
            kind = type(item)
            write = scalar(kind)
            if write is not None:
                append(head + write(item))
            elif kind is dict:
                append(head + mapping(item, depth + 1))
            elif kind is list:
                append(head + array(item, depth + 1))
            else:
                append(head + value(item, depth + 1))
        open_ids.discard(marker)
        return "{" + inner + ("," + inner).join(parts) + newline(depth) + "}"

    return value


def _scalar_text(item) -> str | None:
    """None, a bool, an int or a float (subclasses included) as json writes it; None for anything else."""
    if item is None:
        return "null"
    if item is True:
        return "true"
    if item is False:
        return "false"
    if isinstance(item, int):
        return int.__repr__(item)
    if isinstance(item, float):
        return _float(item)
    return None


def _key(key) -> str:
    """A key that is not a str, as json writes it (skipkeys=False)."""
    if isinstance(key, str):
        return key
    text = _scalar_text(key)
    if text is None:
        raise TypeError(f"keys must be str, int, float, bool or None, not {key.__class__.__name__}")
    return text
