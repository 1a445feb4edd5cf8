"""Load YAML safely and remember the line of every value.

Nothing in a file can build a Python object: only the plain YAML tags (map, list, string, integer, float,
true/false, null) are accepted, booleans are only `true`/`false` (so the country code `NO` stays a string),
dates stay strings for the models to parse strictly, duplicate keys are errors, and size, depth and alias
expansion are bounded so a hostile file fails fast.
"""
from __future__ import annotations

import copy
import hashlib
import re
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

try:  # libyaml, shipped in PyYAML's wheels: counts the values of a big file in a fraction of the time
    from yaml.cyaml import CParser as _FastParser
except ImportError:  # a PyYAML built without it: the composer's own count still bounds the work
    _FastParser = None

from vetting.errors import InputError, field_path

MAX_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 40
MAX_NODES = 200_000
MAX_DIGITS = 100

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_MERGE = "tag:yaml.org,2002:merge"
# C0 controls but tab and line feed, DEL, and C1 controls (0x9b opens an ANSI sequence as ESC [ does)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# UTF-16 surrogates: a double-quoted scalar holds them only from `\u` escapes (UTF-8 text cannot hold them)
_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")


class _Resolver(yaml.resolver.BaseResolver):
    """YAML 1.2 core schema: no timestamps, no yes/no/on/off booleans, no sexagesimal numbers."""


_Resolver.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|false)$"), list("tf"))
_Resolver.add_implicit_resolver(
    _INT, re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
_Resolver.add_implicit_resolver(
    _FLOAT, re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"), list("-+0123456789."))
_Resolver.add_implicit_resolver(_NULL, re.compile(r"^(?:~|null|)$"), ["~", "n", ""])


class _Composer(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer,
                _Resolver):
    def __init__(self, stream, name: str):
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        _Resolver.__init__(self)
        self.name = name
        self.depth = 0
        self.aliases = 0
        self.values = 0  # as _Builder counts them (keys are not values), before the whole file is composed

    def compose_node(self, parent, index):
        """PyYAML composes recursively: stop at the depth bound, before Python's recursion limit does."""
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise InputError(f"the document is nested deeper than {MAX_DEPTH} levels", file=self.name,
                             line=self.peek_event().start_mark.line + 1)
        alias = self.peek_event() if self.check_event(yaml.AliasEvent) else None
        if not (isinstance(parent, MappingNode) and index is None):  # a key is part of its value's entry
            self.values += 1
            if self.values > MAX_NODES:  # an 8 MiB list fails here, not after minutes of building nodes
                raise InputError(f"the document expands to more than {MAX_NODES} values", file=self.name,
                                 line=self.peek_event().start_mark.line + 1,
                                 hint="split it into several files in one folder: they are read as one case")
        node = super().compose_node(parent, index)
        self.depth -= 1
        if alias is not None:  # errors about an alias point at the `*name`, not at the `&name` it repeats
            self.aliases += 1
            node = copy.copy(node)
            node.start_mark = alias.start_mark
        return node


class Document:
    """A loaded YAML document: its data and the line (1-based) of every path in it."""

    def __init__(self, path: str, data, lines: dict[tuple, int], sha256: str | None = None):
        self.path = path
        self.data = data
        self.lines = lines
        self.sha256 = sha256  # of the bytes read: the file is read once

    def line(self, loc: tuple) -> int | None:
        """The line of the deepest known prefix of `loc`."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get(())


def read_bytes(path: Path) -> bytes:
    """The file's bytes, reading no more than the bound: `/dev/zero` or an endless pipe fails fast, never hangs."""
    try:
        with Path(path).open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as err:
        raise InputError(f"cannot read the file: {(err.strerror or str(err)).lower()}", file=str(path)) from None
    if len(raw) > MAX_BYTES:
        raise InputError(f"the file is larger than {MAX_BYTES // (1024 * 1024)} MiB", file=str(path))
    return raw


def read_text(path: Path, raw: bytes | None = None) -> str:
    raw = read_bytes(path) if raw is None else raw
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise InputError("the file is not valid UTF-8", file=str(path), line=line,
                         hint="save the file as UTF-8") from None


def load(path: Path) -> Document:
    raw = read_bytes(path)
    text = read_text(path, raw)
    name = str(path)
    _count_values(text, name)
    try:
        composer = _Composer(text, name)
        node = composer.get_single_node()
    except yaml.MarkedYAMLError as err:
        raise _syntax_error(err, name) from None
    except yaml.reader.ReaderError as err:  # a character YAML refuses anywhere, such as NUL: say on which line
        character = err.character if isinstance(err.character, str) else chr(err.character)
        raise InputError(f"the file holds the character `{ascii(character)[1:-1]}`, which yaml does not allow",
                         file=name, line=text[:err.position].count("\n") + 1,
                         hint="write plain text: no control characters") from None
    except yaml.YAMLError as err:
        raise InputError(f"not valid yaml: {err}", file=name) from None
    lines: dict[tuple, int] = {}
    if node is None:
        return Document(name, None, lines, hashlib.sha256(raw).hexdigest())
    builder = _Builder(name, lines, aliased=composer.aliases > 0)
    data = builder.build(node, (), 0)
    return Document(name, data, lines, hashlib.sha256(raw).hexdigest())


def _count_values(text: str, name: str) -> None:
    """Refuse a file of more than MAX_NODES values before the (pure Python, slow) composer reads it.

    Counts as `_Composer` does: every node but a mapping key, an alias once. A file libyaml cannot parse is
    left to the composer, whose messages are the ones users see.
    """
    if _FastParser is None:
        return
    parser = _FastParser(text)
    values, stack = 0, []  # stack: "seq", or "key"/"value" for what a mapping expects next
    try:
        while True:
            event = parser.get_event()
            if isinstance(event, yaml.StreamEndEvent):
                return
            if isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent, yaml.CollectionStartEvent)):
                if stack and stack[-1] == "key":
                    stack[-1] = "value"
                else:
                    if stack and stack[-1] == "value":
                        stack[-1] = "key"
                    values += 1
                    if values > MAX_NODES:
                        raise InputError(f"the document expands to more than {MAX_NODES} values", file=name,
                                         line=event.start_mark.line + 1,
                                         hint="split it into several files in one folder: they are read as one "
                                              "case")
                if isinstance(event, yaml.CollectionStartEvent):
                    stack.append("key" if isinstance(event, yaml.MappingStartEvent) else "seq")
            elif isinstance(event, yaml.CollectionEndEvent):
                stack.pop()
    except yaml.YAMLError:
        return
    finally:
        parser.dispose()


def _syntax_error(err: yaml.MarkedYAMLError, name: str) -> InputError:
    mark = err.problem_mark or err.context_mark
    problem = (err.problem or err.context or "not valid yaml").rstrip(".")
    hint = None
    context, start = err.context or "", err.context_mark
    if "duplicate anchor" in context:
        problem = context.split(";")[0]
        hint = f"the first is on line {start.line + 1}; give each anchor (`&name`) its own name"
    elif "'\\t'" in problem:
        hint = "indent with spaces, not tabs"
    elif context.startswith("while ") and start is not None and start is not mark:
        hint = f"{context} that starts on line {start.line + 1}"
    return InputError(f"not valid yaml: {problem}", file=name, line=mark.line + 1 if mark else None, hint=hint)


class _Builder:
    """Turns composed nodes into plain data, checking tags, duplicates, depth and total size."""

    def __init__(self, name: str, lines: dict, aliased: bool = False):
        self.name = name
        self.lines = lines
        self.count = 0
        self.aliased = aliased

    def fail(self, node, message, hint=None, path: tuple | None = None):
        raise InputError(message, file=self.name, line=node.start_mark.line + 1,
                         field=field_path(path) if path else None, hint=hint)

    def build(self, node, path: tuple, depth: int):
        self.count += 1
        if self.count > MAX_NODES:
            self.fail(node, f"the document expands to more than {MAX_NODES} values",
                      hint="aliases (`*name`) that repeat large blocks are not allowed to multiply" if self.aliased
                      else "split it into several files in one folder: they are read as one case")
        if depth > MAX_DEPTH:
            self.fail(node, f"the document is nested deeper than {MAX_DEPTH} levels")
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, ScalarNode):
            return self.scalar(node, path)
        if isinstance(node, SequenceNode):
            self.check_tag(node, _SEQ, path)
            return [self.build(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            self.check_tag(node, _MAP, path)
            out = {}
            for key_node, value_node in node.value:
                if key_node.tag == _MERGE or (isinstance(key_node, ScalarNode) and key_node.style is None
                                              and key_node.value == "<<"):
                    self.fail(key_node, "merge keys (`<<`) are not allowed", hint="write the keys out",
                              path=path + ("<<",))
                if not isinstance(key_node, ScalarNode):
                    self.fail(key_node, "a key must be a plain string", path=path)
                key = self.scalar(key_node, path)
                if not isinstance(key, str):
                    key = key_node.value  # as written: `true`, not `True`
                if key in out:
                    self.fail(key_node, f"the key `{key}` appears twice in the same mapping",
                              hint=f"the first is on line {self.lines[path + (key,)]}", path=path + (key,))
                self.lines[path + (key,)] = key_node.start_mark.line + 1
                out[key] = self.build(value_node, path + (key,), depth + 1)
            return out
        self.fail(node, "unsupported yaml node", path=path)

    def check_tag(self, node, expected, path):
        if node.tag != expected:
            self.fail(node, f"the yaml tag `{_short(node.tag)}` is not allowed",
                      hint="case files hold plain data: no tags that build objects", path=path)

    def surrogates_joined(self, node, value: str, path) -> str:
        """`"\\ud83d\\ude00"` is one character, U+1F600, in YAML 1.2 as in JSON: PyYAML's scanner decodes each
        `\\u` escape alone, giving two lone surrogates. Join each high half followed by a low half; a half left
        alone is no character at all (no UTF-8 text or JSON report can hold it), so it is refused."""
        joined = _SURROGATE_PAIR.sub(
            lambda m: chr(0x10000 + ((ord(m[0][0]) - 0xD800) << 10) + (ord(m[0][1]) - 0xDC00)), value)
        lone = _SURROGATE.search(joined)
        if lone:
            half = "high" if lone.group() < "\udc00" else "low"
            self.fail(node, f"the text holds `{ascii(lone.group())[1:-1]}`, the {half} half of a UTF-16 surrogate "
                            f"pair without its other half",
                      hint="write the character itself, or both halves of its pair together "
                           "(`\\ud83d\\ude00` is one character)", path=path)
        return joined

    def scalar(self, node, path):
        tag = node.tag
        value = node.value
        if tag == _STR:
            if _SURROGATE.search(value):
                value = self.surrogates_joined(node, value, path)
            bad = _CONTROL.search(value)
            if bad:  # an escape such as "\e[2J" would reach the terminal as a command, not as text
                self.fail(node, f"the text holds the control character `{ascii(bad.group())[1:-1]}`",
                          hint="write plain text: no terminal escape codes or other control characters", path=path)
            return value
        if tag == _INT:
            digits = len(value.lstrip("+-"))
            if digits > MAX_DIGITS:  # int() itself refuses past 4,300 digits, with an error that is no user's
                self.fail(node, f"the number has {digits:,} digits, more than the {MAX_DIGITS} a number may have",
                          hint="no count or amount is that long: check the value", path=path)
            return int(value)
        if tag == _FLOAT:
            return float(value)
        if tag == _BOOL:
            return value == "true"
        if tag == _NULL:
            return None
        self.fail(node, f"the yaml tag `{_short(tag)}` is not allowed",
                  hint="case files hold plain data: no tags that build objects", path=path)


def _short(tag: str) -> str:
    """`tag:yaml.org,2002:python/name:os.system` -> `!!python/name:os.system`, as it is written."""
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag
