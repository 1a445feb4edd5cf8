"""Run durable_rules 2.0.28 so that it either answers correctly or raises.

durable_rules gives wrong answers silently (32-bit hashed ids and sids, swallowed action errors, rejected facts)
and segfaults on some call sequences. The engineering guide (durable-rules.md, cited as §n) documents these
findings. Each guard below names the finding it works around. All access goes through one Engine per process
(`get_engine()`): one quiet Host, one lock, and one checked, always-deleted session (sid) per evaluation.
"""
from __future__ import annotations

import copy
import itertools
import json
import threading
from contextlib import contextmanager
from functools import lru_cache
from typing import Callable, Iterator

from durable import engine as durable
from durable.engine import Closure, Host, MessageNotHandledException, MessageObservedException

# durable supports at most 1024 live sids per ruleset: the 1025th raises MemoryError and leaves a half-built state
# that segfaults later (§3). Stay well below that.
MAX_SESSIONS = 1000
# durable silently abandons a synchronous action that runs longer than 10 s: the rules it would trigger never
# fire (§1, §4.3). Flag anything close to that, leaving a margin for the time between our check and durable's.
ACTION_TIME_LIMIT = 9.0
# The fact type and rule name that open every session (the delete_state work-around, see Engine.session).
OPEN = "__open__"

Action = Callable[[Closure, Callable[[dict], None]], None]

_SCALARS = (str, int, float, bool, type(None))
# the JSON kind of a value of exactly these types, as `_plain_value` gives it (a float needs its checks)
_EXACT = {str: "str", int: "int", bool: "const", type(None): "const"}


class EngineError(Exception):
    """Anything the engine could not do correctly. It is never swallowed."""


def fnv1a32(text: str) -> int:
    """The 32-bit FNV-1a hash durable uses to compare sids and fact ids (§3, §4.1).

    durable's C code hashes the UTF-8 bytes as *signed* chars, so a byte >= 0x80 is sign-extended before the XOR.
    """
    h = 0x811C9DC5
    for byte in text.encode():
        char = byte - 256 if byte > 0x7F else byte
        h = ((h ^ (char & 0xFFFFFFFF)) * 0x01000193) & 0xFFFFFFFF
    return h


# every session numbers its fact ids from f0: the hashes of the same candidates are computed once per process
_id_hash = lru_cache(maxsize=1 << 20)(fnv1a32)


def _sid_candidate(n: int) -> str:
    return f"eval-{n}"


def _fact_id_candidate(n: int) -> str:
    return f"f{n}"


def _content_key(fact: object) -> tuple:
    """Check that `fact` is a flat dict of plain JSON data with a string `t` and no `id`/`sid`, and return its
    content as a hashable key: two facts have the same key exactly when their canonical JSON is the same (the
    type of every value is part of it, so `1`, `1.0`, `true` and `"1"` stay different, as in JSON)."""
    if not isinstance(fact, dict) or not isinstance(fact.get("t"), str):
        raise EngineError(f"a fact must be a dict with a string `t`: {fact!r}")
    if "id" in fact or "sid" in fact:
        raise EngineError(f"a fact must not carry `id` or `sid`; the engine assigns them: {fact!r}")
    if fact["t"] == OPEN:
        raise EngineError(f"fact type `{OPEN}` is reserved by the engine: {fact!r}")
    items = []
    for key, value in fact.items():
        kind = _EXACT.get(type(value))
        if type(key) is str:  # the common cases first: the same key as below, at a third of the cost
            if kind is not None:
                items.append((key, (kind, value)))
                continue
            if type(value) in (list, tuple):
                kinds = [_EXACT.get(type(v)) for v in value]
                if None not in kinds:
                    items.append((key, ("list", tuple(zip(kinds, value)))))
                    continue
        if not isinstance(key, str):
            raise EngineError(f"a fact's keys must be strings: {fact!r}")
        if isinstance(value, (list, tuple)):
            if any(isinstance(v, (dict, list, tuple)) for v in value):
                # durable flattens nested objects into the 252-property budget and cannot match lists of dicts (§4.4)
                raise EngineError(f"fact field `{key}` must be a scalar or a list of scalars: {fact!r}")
            items.append((key, ("list", tuple(_plain_value(v, fact) for v in value))))
        elif isinstance(value, dict):
            raise EngineError(f"fact field `{key}` must be a scalar or a list of scalars: {fact!r}")
        else:
            items.append((key, _plain_value(value, fact)))
    items.sort()
    return tuple(items)


def _plain_value(value, fact) -> tuple:
    """A scalar with its JSON type; NaN and infinities are refused: not valid JSON, and durable would reject the
    fact as "not handled" (§4.4)."""
    if not isinstance(value, _SCALARS):
        raise EngineError(f"a fact must be plain JSON data (not {type(value).__name__}): {fact!r}")
    if isinstance(value, bool) or value is None:
        return ("const", value)
    if isinstance(value, int):
        return ("int", int(value))
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise EngineError(f"a fact must be plain JSON data (not {value}): {fact!r}")
        return ("float", repr(value))
    return ("str", value)


def _describe(error: BaseException) -> str:
    # durable's two message exceptions keep their text in `.message`; str() of them is only the fact dict.
    if isinstance(error, (MessageNotHandledException, MessageObservedException)):
        return f"{type(error).__name__}: {error.message}"
    return f"{type(error).__name__}: {error}"


class QuietHost(Host):
    """A durable Host without background threads; actions are bound by name from `self.actions`.

    The default Host starts two timer threads that re-arm forever and race the callers' actions (segfaults with
    threads, §3). Synchronous assert calls run all actions inline, so the threads are not needed.
    """

    def __init__(self) -> None:
        self.actions: dict[str, Callable[[Closure], None]] = {}
        super().__init__()

    def _run(self) -> None:
        pass

    def get_action(self, action_name: str) -> Callable[[Closure], None]:
        return self.actions[action_name]


class Session:
    """One evaluation's working memory: one durable sid. Open it with `Engine.session()`, which always deletes it."""

    def __init__(self, engine: Engine, ruleset: str, sid: str) -> None:
        self.sid = sid
        self.emitted: list[dict] = []
        self._engine = engine
        self._ruleset = ruleset
        self._active = False
        self._facts: dict[str, dict] = {}  # id -> fact as asserted, to check that durable kept every one
        self._id_hashes = {fnv1a32(f"sid-{sid}")}  # durable stores the sid's state as fact `sid-<sid>` (§2.2)
        self._contents: set = set()
        self._ids = itertools.count()
        self._errors: list[tuple[str, BaseException | None]] = []

    def assert_facts(self, facts: list[dict]) -> None:
        """Assert `facts` in one batch, run the rules to completion and check the outcome (EngineError if wrong)."""
        with self._engine._lock:
            self._check_open()
            facts = list(facts)  # validated in full before anything is asserted
            keys = [_content_key(fact) for fact in facts]
            batch = [self._stamp(fact, key) for fact, key in zip(facts, keys)]
            if batch:  # durable segfaults on an empty batch
                self._call(self._engine._host.assert_facts, batch)
            self._check()

    def facts(self) -> list[dict]:
        """The facts durable holds for this session (with their `id` and `sid`)."""
        with self._engine._lock:
            self._check_open()
            return self._call(self._engine._host.get_facts, self.sid)

    def _check_open(self) -> None:
        # Using a deleted sid would silently create a new durable state that nobody deletes.
        if not self._active:
            raise EngineError(f"session `{self.sid}` of `{self._ruleset}` is not open")

    def _stamp(self, fact: dict, key) -> dict:
        """Give `fact` an id whose hash is unused in this session; durable compares fact ids by 32-bit hash only,
        so a colliding id would reject an unrelated fact as a duplicate (§4.1)."""
        fact_id = _fact_id_candidate(next(self._ids))
        while (id_hash := _id_hash(fact_id)) in self._id_hashes:
            fact_id = _fact_id_candidate(next(self._ids))
        self._id_hashes.add(id_hash)
        self._contents.add(key)
        stamped = {**fact, "id": fact_id, "sid": self.sid}
        self._facts[fact_id] = stamped
        return stamped

    def _call(self, call: Callable[[str, object], object], argument: object):
        """Call a durable Host method on this session's rule set; any failure becomes an EngineError."""
        try:
            return call(self._ruleset, argument)
        except (MessageNotHandledException, MessageObservedException) as error:
            # At the top level these mean a fact no rule handles or an id durable already holds: bugs, not control flow.
            raise EngineError(f"`{self._ruleset}` session `{self.sid}`: {_describe(error)}") from error
        except Exception as error:
            raise EngineError(f"`{self._ruleset}` session `{self.sid}`: durable_rules failed: {error}") from error

    def _emit(self, c: Closure, rule: str, fact: dict) -> None:
        try:
            key = _content_key(fact)
            if key in self._contents:
                return  # the same fact derived twice (or derived and input): not an error
            c.assert_fact(self._stamp(fact, key))
            self.emitted.append(dict(fact))
        except Exception as error:
            # Recorded here because durable would swallow it, and so would an action that catches it (§2.3, §4.2).
            self._errors.append((f"rule `{rule}`: emit({fact!r}) failed: {_describe(error)}", error))
            raise

    def _check(self) -> None:
        """Raise EngineError unless durable did exactly what was asked: durable reports most failures nowhere."""
        host = self._engine._host
        where = f"`{self._ruleset}` session `{self.sid}`"
        if self._errors:
            raise EngineError("\n".join(text for text, _ in self._errors)) from self._errors[0][1]
        state = self._call(host.get_state, self.sid)
        if state.get("sid") != self.sid:
            # durable finds a sid by its 32-bit hash only: a collision shares another evaluation's memory (§3).
            raise EngineError(f"{where}: durable returned the state of sid `{state.get('sid')}`")
        if state.get("exception"):
            # durable catches exceptions in actions and only writes them into the state (§2.3, §4.3).
            raise EngineError(f"{where}: an action failed: {state['exception']}")
        stored = self._call(host.get_facts, self.sid)
        stored_ids = {fact.get("id") for fact in stored}
        missing = [fact for fact_id, fact in self._facts.items() if fact_id not in stored_ids]
        if missing:
            raise EngineError(f"{where}: durable dropped {len(missing)} fact(s), e.g. {missing[:3]}")
        strays = [fact for fact in stored if fact.get("id") not in self._facts]
        if strays:
            # A fact asserted by an action without emit() has no checked id, so it may collide (§4.1).
            raise EngineError(f"{where}: {len(strays)} fact(s) were asserted without emit(), e.g. {strays[:3]}")


class Engine:
    """The durable_rules rule sets of this process and the evaluations run on them. Use `get_engine()`."""

    def __init__(self) -> None:
        # durable is not thread-safe: an action spans several C calls (§3). Every engine call holds this lock.
        self._lock = threading.RLock()
        self._host = QuietHost()
        self._definitions: dict[str, tuple[dict, dict[str, Action]]] = {}
        self._live: dict[str, dict[int, Session]] = {}  # ruleset -> fnv1a32(sid) -> open session
        self._sids = itertools.count()

    def register(self, name: str, rules: dict, actions: dict[str, Action]) -> None:
        """Register rule set `name` (durable JSON rules, each with "run": <action name>) and its actions, once."""
        with self._lock:
            if name in self._definitions:
                # durable cannot re-register a name (§3); a new rule-set version needs a new name.
                if self._definitions[name] != (rules, actions):
                    raise EngineError(f"rule set `{name}` is already registered with a different definition")
                return
            if not isinstance(name, str) or not name or "$" in name:
                # durable reads a name containing `$state` or `$flow` as a statechart or flowchart.
                raise EngineError(f"rule set name {name!r} must be a non-empty string without `$`")
            if not isinstance(rules, dict) or not all(isinstance(rule, dict) for rule in rules.values()):
                raise EngineError(f"rule set `{name}`: rules must be a dict of rule dicts")
            if OPEN in rules:
                raise EngineError(f"rule set `{name}`: rule name `{OPEN}` is reserved by the engine")
            unknown = sorted({str(rule.get("run")) for rule in rules.values()} - set(actions))
            if unknown:
                raise EngineError(f"rule set `{name}`: no action named {', '.join(f'`{u}`' for u in unknown)}")
            # set_rulesets deletes each rule's "run" key from its input (§2.4), so durable gets a copy. Each rule
            # is copied on its own: one deepcopy would keep a rule dict used under two names shared.
            definition = {rule_name: copy.deepcopy(rule) for rule_name, rule in rules.items()}
            definition[OPEN] = {"all": [{"m": {"t": OPEN}}], "run": json.dumps([name, OPEN])}
            self._host.actions[definition[OPEN]["run"]] = lambda c: None
            for rule_name, rule in rules.items():
                binding = json.dumps([name, rule_name])  # an unambiguous action name for Host.get_action
                self._host.actions[binding] = self._bind(name, rule_name, rule["run"], actions[rule["run"]])
                definition[rule_name]["run"] = binding
            try:
                self._host.set_rulesets({name: definition})
            except Exception as error:
                raise EngineError(f"rule set `{name}` was rejected by durable_rules: {error}") from error
            self._definitions[name] = (copy.deepcopy(rules), dict(actions))
            self._live[name] = {}

    def is_registered(self, name: str) -> bool:
        with self._lock:
            return name in self._definitions

    def run(self, name: str, facts: list[dict], sid: str | None = None) -> list[dict]:
        """Evaluate `facts` in a fresh session and return the facts the actions emitted, in emission order."""
        with self._lock, self.session(name, sid) as session:
            session.assert_facts(facts)
            return session.emitted

    @contextmanager
    def session(self, name: str, sid: str | None = None) -> Iterator[Session]:
        """Open a session (a durable sid) on rule set `name`; it is deleted on exit, whatever happens."""
        with self._lock:
            session = self._open(name, sid)
        try:
            yield session
        finally:
            with self._lock:
                self._close(session)

    def _open(self, name: str, sid: str | None) -> Session:
        if name not in self._definitions:
            raise EngineError(f"rule set `{name}` is not registered")
        live = self._live[name]
        if len(live) >= MAX_SESSIONS:
            raise EngineError(f"rule set `{name}` already has {MAX_SESSIONS} open sessions")
        # durable tells sids apart by their 32-bit hash only: two colliding sids share one working memory (§3).
        if sid is None:
            sid = _sid_candidate(next(self._sids))
            while fnv1a32(sid) in live:
                sid = _sid_candidate(next(self._sids))
        elif not isinstance(sid, str) or fnv1a32(sid) in live:
            raise EngineError(f"session id {sid!r} is not a string or collides with an open session of `{name}`")
        session = Session(self, name, sid)
        live[fnv1a32(sid)] = session
        # delete_state segfaults on a sid in which no action ever ran (§3), so every session starts with a fact
        # that fires the no-op `__open__` rule. If opening fails, the sid is never deleted (that could crash or hit
        # another sid's state) and stays reserved, so that it still counts against the limit.
        session._call(self._host.assert_fact, session._stamp({"t": OPEN}, OPEN))
        session._check()
        session._active = True
        return session

    def _close(self, session: Session) -> None:
        session._active = False
        try:
            self._host.delete_state(session._ruleset, session.sid)
        except Exception as error:
            raise EngineError(f"could not delete session `{session.sid}` of `{session._ruleset}`: {error}") from error
        del self._live[session._ruleset][fnv1a32(session.sid)]

    def _bind(self, ruleset: str, rule: str, action_name: str, action: Action) -> Callable[[Closure], None]:
        """Wrap `action` as the one-argument action durable expects (a two-argument one would be run as async)."""

        def bound(c: Closure) -> None:
            session = self._live[ruleset][_id_hash(c.s.sid)]  # cached: one hash per sid, not per action
            try:
                action(c, lambda fact: session._emit(c, rule, fact))
            except Exception as error:
                # durable would swallow it into the state (§2.3); emit() has already recorded its own failures.
                if not any(error is recorded for _, recorded in session._errors):
                    session._errors.append((f"rule `{rule}` (action `{action_name}`) raised {_describe(error)}", error))
            if durable._unix_now() - c._start_time > ACTION_TIME_LIMIT:
                session._errors.append(
                    (f"rule `{rule}` (action `{action_name}`) ran longer than {ACTION_TIME_LIMIT:g} s; "
                     "durable abandons such actions and skips the rules they would trigger", None))

        return bound


_engine: Engine | None = None
_engine_lock = threading.Lock()


def get_engine() -> Engine:
    """The one Engine (and durable Host) of this process, created on first use."""
    global _engine
    with _engine_lock:
        if _engine is None:
            _engine = Engine()
        return _engine
