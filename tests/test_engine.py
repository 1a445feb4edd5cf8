"""vetting.engine.durable: each guard against a durable_rules 2.0.28 bug, with the bug shown on an unguarded host.

Bugs that crash the process (segfaults) are only ever shown in a subprocess.
"""
from __future__ import annotations

import itertools
import math
import signal
import subprocess
import sys
import textwrap
import threading
import time
from contextlib import ExitStack
from pathlib import Path

import durable.engine
import durable_rules_engine
import pytest
from durable.engine import MessageObservedException

import vetting.engine.durable as engine_module
from vetting.engine.durable import MAX_SESSIONS, Engine, EngineError, QuietHost, fnv1a32, get_engine


def pair(c, emit):
    emit({"t": "pair", "k": c.a.k})


def noop(c, emit):
    pass


ACTIONS = {"pair": pair, "noop": noop}
# Two facts joined on `k`; the derived `pair` facts need a sink rule, or durable rejects them (§4.2).
JOIN = {
    "join": {"all": [{"a": {"t": "a"}}, {"b": {"$and": [{"t": "b"}, {"k": {"a": "k"}}]}}], "run": "pair"},
    "pair_sink": {"all": [{"m": {"t": "pair"}}, {"never": {"t": "__never__"}}], "run": "noop"},
}
A1, B1, PAIR1 = {"t": "a", "k": 1}, {"t": "b", "k": 1}, {"t": "pair", "k": 1}


def on(fact_type: str, action: str) -> dict:
    return {"all": [{"m": {"t": fact_type}}], "run": action}


@pytest.fixture
def engine():
    """A private Engine, so that rule-set names never clash with other tests' use of get_engine()."""
    return Engine()


@pytest.fixture
def join(engine):
    engine.register("join", JOIN, ACTIONS)
    return engine


@pytest.fixture
def raw():
    """durable_rules without the engine's guards, to show the bugs (QuietHost: no threads to race the test)."""
    host = QuietHost()
    host.actions["noop"] = lambda c: None
    return host


def run_python(*parts: str) -> subprocess.CompletedProcess:
    code = "".join(textwrap.dedent(part) for part in parts)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parents[1])


RAW_HOST = """
    from vetting.engine.durable import QuietHost
    host = QuietHost()
    host.actions["noop"] = lambda c: None
    host.set_rulesets({"rs": {"open": {"all": [{"m": {"t": "open"}}], "run": "noop"},
                              "store": {"all": [{"m": {"t": "x"}}, {"n": {"t": "never"}}], "run": "noop"}}})
"""


# fnv1a32

def test_fnv1a32_is_the_hash_durable_compares():
    assert fnv1a32("") == 0x811C9DC5 and fnv1a32("a") == 0xE40C292C  # FNV-1a reference values
    assert fnv1a32("case-478212") == fnv1a32("case-1221200")
    # Non-ASCII: this pair collides only when bytes are taken as signed chars, and durable treats it as one id.
    signed = ("é-277757", "é-1525130")
    assert fnv1a32(signed[0]) == fnv1a32(signed[1])

    def unsigned(text):
        h = 0x811C9DC5
        for byte in text.encode():
            h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
        return h

    assert unsigned(signed[0]) != unsigned(signed[1])
    raw = QuietHost()
    raw.actions["noop"] = lambda c: None
    raw.set_rulesets({"demo": {"x": on("x", "noop")}})
    with pytest.raises(MessageObservedException):
        raw.assert_facts("demo", [{"t": "x", "id": fact_id, "sid": "s"} for fact_id in signed])


# 1. One quiet Host: no background threads

def test_plain_durable_host_starts_timer_threads():
    result = run_python("""
        import threading
        from durable.engine import Host
        before = threading.active_count()
        Host()
        print(threading.active_count() - before)
    """)
    assert result.stdout.strip() == "2", result.stderr


def test_engine_starts_no_threads():
    before = threading.active_count()
    engine = Engine()
    engine.register("join", JOIN, ACTIONS)
    assert engine.run("join", [A1, B1]) == [PAIR1]
    time.sleep(0.3)  # durable's timers would have fired and re-armed by now
    assert threading.active_count() == before


def test_get_engine_is_one_per_process():
    assert get_engine() is get_engine()
    assert isinstance(get_engine()._host, QuietHost)


# 2. One lock around every engine call

def test_concurrent_evaluations_get_correct_isolated_results(engine):
    def slow_pair(c, emit):
        time.sleep(0.0005)  # give other threads a chance to run in the middle of an action
        emit({"t": "pair", "k": c.a.k, "who": c.b.who})

    engine.register("join", JOIN, {**ACTIONS, "pair": slow_pair})
    failures = []

    def worker(n):
        try:
            for i in range(20):
                keys = [f"{n}-{i}-{j}" for j in range(5)]
                facts = [{"t": "a", "k": k} for k in keys] + [{"t": "b", "k": k, "who": n} for k in keys[:3]]
                got = engine.run("join", facts)
                if sorted(f["k"] for f in got) != keys[:3] or {f["who"] for f in got} != {n}:
                    failures.append((n, i, got))
        except Exception as error:  # noqa: BLE001 - reported by the main thread
            failures.append((n, error))

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert engine._live["join"] == {}


def test_engine_calls_are_serialised(engine):
    inside, order = threading.Event(), []

    def slow(c, emit):
        inside.set()
        time.sleep(0.2)
        order.append("first run's action done")

    engine.register("slow", {"go": on("go", "slow")}, {"slow": slow})
    engine.register("join", JOIN, ACTIONS)
    first = threading.Thread(target=engine.run, args=("slow", [{"t": "go"}]))
    first.start()
    assert inside.wait(5)
    engine.run("join", [A1, B1])  # must wait for the first run, which holds the lock
    order.append("second run done")
    first.join()
    assert order == ["first run's action done", "second run done"]


# 3. One session per evaluation, opened with a fact that fires an action, always deleted

def test_session_is_deleted_even_when_an_action_raises(engine):
    engine.register("boom", {"boom": on("go", "explode"), "fine": on("ok", "noop")},
                    {"explode": lambda c, emit: 1 / 0, "noop": noop})
    with pytest.raises(EngineError):
        engine.run("boom", [{"t": "go"}], sid="s1")
    assert engine._live["boom"] == {}
    with pytest.raises(durable_rules_engine.error, match="309"):  # durable no longer knows the sid
        engine._host.get_state("boom", "s1")
    assert engine.run("boom", [{"t": "ok"}], sid="s1") == []
    assert engine._live["boom"] == {}


def test_a_closed_session_cannot_be_used(join):
    with join.session("join") as session:
        pass
    with pytest.raises(EngineError, match="not open"):
        session.assert_facts([A1])  # would silently create a durable state that nobody deletes


def test_open_fact_and_no_empty_batch_avoid_durable_segfaults():
    # durable: delete_state on a sid in which no action ran segfaults, and so does an empty assert_facts batch.
    deleted = run_python(RAW_HOST, """
        host.assert_facts("rs", [{"t": "x", "id": "f1", "sid": "s1"}])
        host.delete_state("rs", "s1")
    """)
    assert deleted.returncode == -signal.SIGSEGV
    empty = run_python(RAW_HOST, """
        host.assert_fact("rs", {"t": "open", "id": "o", "sid": "s1"})
        host.assert_facts("rs", [])
    """)
    assert empty.returncode == -signal.SIGSEGV
    guarded = run_python("""
        from vetting.engine.durable import Engine
        engine = Engine()
        engine.register("rs", {"store": {"all": [{"m": {"t": "x"}}, {"n": {"t": "never"}}], "run": "noop"}},
                        {"noop": lambda c, emit: None})
        for i in range(200):
            assert engine.run("rs", [{"t": "x", "i": i}]) == []
            assert engine.run("rs", []) == []
        print("ok")
    """)
    assert (guarded.returncode, guarded.stdout.strip()) == (0, "ok"), guarded.stderr


# 4. Sids: never two live sids with the same hash

def test_colliding_sids_share_memory_in_durable(raw):
    raw.set_rulesets({"demo": {"x": on("x", "noop")}})
    raw.assert_fact("demo", {"t": "x", "id": "a", "sid": "case-478212"})
    assert raw.get_facts("demo", "case-1221200") == [{"t": "x", "id": "a", "sid": "case-478212"}]
    assert raw.get_state("demo", "case-1221200")["sid"] == "case-478212"


def test_an_explicit_sid_colliding_with_a_live_one_is_refused(join):
    with join.session("join", "case-478212") as first:
        for sid in ("case-1221200", "case-478212"):
            with pytest.raises(EngineError, match="collides"):
                with join.session("join", sid):
                    pass
        first.assert_facts([A1, B1])
        assert first.emitted == [PAIR1]
    with join.session("join", "case-1221200") as second:  # fine once the first is deleted
        second.assert_facts([A1])
        assert sorted(f["t"] for f in second.facts()) == ["__open__", "a"]


def test_a_generated_sid_never_collides(join, monkeypatch):
    proposals = iter(["case-1221200", "eval-next"])
    monkeypatch.setattr(engine_module, "_sid_candidate", lambda n: next(proposals))
    with join.session("join", "case-478212"), join.session("join") as generated:
        assert generated.sid == "eval-next"


def test_a_session_whose_state_is_another_sids_is_refused(join):
    # A colliding state the engine does not know about (made here behind its back) is caught by the state check.
    join._host.assert_fact("join", {"t": "__open__", "id": "o", "sid": "case-478212"})
    with pytest.raises(EngineError, match="state of sid `case-478212`"):
        with join.session("join", "case-1221200"):
            pass
    join._host.delete_state("join", "case-478212")


# 5. At most MAX_SESSIONS live sessions per rule set

def test_durable_breaks_at_the_1025th_live_sid():
    result = run_python(RAW_HOST, """
        for i in range(1025):
            try:
                host.assert_fact("rs", {"t": "open", "id": "o", "sid": f"s{i}"})
            except MemoryError:
                print("MemoryError at", i)
    """)
    assert result.stdout.strip() == "MemoryError at 1024", result.stderr


def test_the_1001st_live_session_is_refused(join):
    with ExitStack() as stack:
        for _ in range(MAX_SESSIONS):
            stack.enter_context(join.session("join"))
        with pytest.raises(EngineError, match=f"{MAX_SESSIONS} open sessions"):
            stack.enter_context(join.session("join"))
    assert join.run("join", [A1, B1]) == [PAIR1]


# 6. Fact ids unique by hash within a session, including the state fact `sid-<sid>`

def test_colliding_fact_ids_drop_a_fact_in_durable(raw):
    raw.set_rulesets({"demo": {"x": on("x", "noop")}})
    with pytest.raises(MessageObservedException):
        raw.assert_facts("demo", [{"t": "x", "n": n, "id": fact_id, "sid": "s"}
                                  for n, fact_id in enumerate(["case-478212", "case-1221200"])])


def test_fact_ids_never_collide(join, monkeypatch):
    proposals = itertools.chain(["sid-s1", "case-478212", "case-1221200"], (f"p{n}" for n in itertools.count()))
    monkeypatch.setattr(engine_module, "_fact_id_candidate", lambda n: next(proposals))
    with join.session("join", "s1") as session:
        session.assert_facts([A1, B1])
        ids = sorted(fact["id"] for fact in session.facts())
        assert session.emitted == [PAIR1]
    assert ids == ["case-478212", "p0", "p1", "p2"]  # __open__, a, b, pair; `sid-s1` and `case-1221200` skipped


# 7. Action errors are raised, never swallowed

def test_durable_swallows_action_exceptions(raw):
    raw.actions["explode"] = lambda c: 1 / 0
    raw.set_rulesets({"demo": {"boom": on("go", "explode")}})
    raw.assert_fact("demo", {"t": "go", "id": "g", "sid": "s"})  # returns normally
    assert "division by zero" in raw.get_state("demo", "s")["exception"]


def test_an_action_exception_raises_engine_error(engine):
    engine.register("boom", {"boom": on("go", "explode")}, {"explode": lambda c, emit: 1 / 0})
    with pytest.raises(EngineError, match=r"rule `boom` \(action `explode`\) raised ZeroDivisionError") as info:
        engine.run("boom", [{"t": "go"}])
    assert isinstance(info.value.__cause__, ZeroDivisionError)


def test_an_error_that_escapes_the_action_wrapper_still_raises(engine):
    class Stop(BaseException):  # not an Exception: durable catches it and writes it into the state
        pass

    def stop(c, emit):
        raise Stop("halt")

    engine.register("r", {"go": on("go", "stop")}, {"stop": stop})
    with pytest.raises(EngineError, match="an action failed: exception caught halt"):
        engine.run("r", [{"t": "go"}])


def test_a_fact_removed_behind_the_engines_back_raises(engine):
    engine.register("r", {"go": on("go", "retract")}, {"retract": lambda c, emit: c.retract_fact(c.m)})
    with pytest.raises(EngineError, match=r"dropped 1 fact\(s\)"):
        engine.run("r", [{"t": "go"}])


def test_an_emit_error_swallowed_by_the_action_still_raises(engine):
    def careless(c, emit):
        try:
            emit({"t": "orphan"})
        except Exception:  # noqa: BLE001 - the point of the test
            pass

    engine.register("r", {"go": on("go", "careless")}, {"careless": careless})
    with pytest.raises(EngineError, match=r"rule `go`: emit\(.*MessageNotHandledException"):
        engine.run("r", [{"t": "go"}])


def test_facts_asserted_around_emit_are_caught(engine):
    engine.register("r", {"go": on("go", "direct"), "sink": on("x", "noop")},
                    {"direct": lambda c, emit: c.assert_fact({"t": "x"}), "noop": noop})
    with pytest.raises(EngineError, match="asserted without emit"):  # no checked id, so it could collide
        engine.run("r", [{"t": "go"}])
    engine.register("r2", {"go": on("go", "direct")}, {"direct": lambda c, emit: c.assert_fact({"t": "x"})})
    with pytest.raises(EngineError, match=r"raised MessageNotHandledException"):
        engine.run("r2", [{"t": "go"}])


def test_an_abandoned_slow_action_raises(engine, raw, monkeypatch):
    clock = [0.0]
    monkeypatch.setattr(durable.engine, "_unix_now", lambda: clock[0])
    fired = []

    def slow(c):
        clock[0] += 11  # durable gives up on a synchronous action after 10 s
        c.assert_fact({"t": "step", "id": "s1"})

    raw.actions.update(slow=slow, mark=lambda c: fired.append(1))
    raw.set_rulesets({"demo": {"go": on("go", "slow"), "step": on("step", "mark")}})
    raw.assert_fact("demo", {"t": "go", "id": "g", "sid": "s"})
    assert fired == [] and "exception" not in raw.get_state("demo", "s")  # the `step` rule silently never ran

    def slow_emit(c, emit):
        clock[0] += 11
        emit({"t": "step"})

    engine.register("r", {"go": on("go", "slow"), "step": on("step", "noop")}, {"slow": slow_emit, "noop": noop})
    with pytest.raises(EngineError, match="ran longer than"):
        engine.run("r", [{"t": "go"}])


# 8. Facts no rule handles are errors, at the top level and inside actions

def test_durable_drops_an_unhandled_fact_asserted_in_an_action(raw):
    after = []

    def derive(c):
        c.assert_fact({"t": "orphan", "id": "o"})
        after.append(1)

    raw.actions["derive"] = derive
    raw.set_rulesets({"demo": {"go": on("go", "derive")}})
    raw.assert_fact("demo", {"t": "go", "id": "g", "sid": "s"})  # returns normally
    assert after == [] and [f["t"] for f in raw.get_facts("demo", "s")] == ["go"]


def test_an_unhandled_input_fact_raises(join):
    with pytest.raises(EngineError, match="MessageNotHandledException"):
        join.run("join", [A1, {"t": "unknown"}])


def test_an_unhandled_emitted_fact_raises(engine):
    engine.register("r", {"go": on("go", "derive")}, {"derive": lambda c, emit: emit({"t": "orphan"})})
    with pytest.raises(EngineError, match=r"emit\(\{'t': 'orphan'\}\) failed: MessageNotHandledException"):
        engine.run("r", [{"t": "go"}])


# 9. Isolation between evaluations

def test_evaluations_never_see_each_others_facts(join):
    assert join.run("join", [A1]) == []
    assert join.run("join", [B1]) == []
    with join.session("join") as left, join.session("join") as right:
        left.assert_facts([A1])
        right.assert_facts([B1])
        assert left.emitted == right.emitted == []
    assert join.run("join", [A1, B1]) == [PAIR1]


# 10. Rule-set versions side by side

def test_two_versions_run_side_by_side(engine):
    def ineligible(c, emit):
        emit({"t": "ineligible", "unit": c.m.unit})

    def version(threshold):
        return {
            "serious": {"all": [{"m": {"$and": [{"t": "allegation"}, {"$gte": {"severity": threshold}}]}}],
                        "run": "ineligible"},
            "allegation_sink": {"all": [{"m": {"t": "allegation"}}, {"n": {"t": "__never__"}}], "run": "noop"},
            "ineligible_sink": {"all": [{"m": {"t": "ineligible"}}, {"n": {"t": "__never__"}}], "run": "noop"},
        }

    actions = {"ineligible": ineligible, "noop": noop}
    engine.register("leahy_v1", version(3), actions)
    engine.register("leahy_v2", version(2), actions)
    facts = [{"t": "allegation", "unit": "BN1", "severity": 2}]
    assert engine.run("leahy_v1", facts) == []
    assert engine.run("leahy_v2", facts) == [{"t": "ineligible", "unit": "BN1"}]


# Registration

def test_register_copies_checks_and_never_re_registers(engine):
    rules = {"join": dict(JOIN["join"]), "pair_sink": dict(JOIN["pair_sink"])}
    engine.register("join", rules, ACTIONS)
    assert rules == JOIN  # durable's set_rulesets deletes "run" from the dict it is given
    engine.register("join", JOIN, dict(ACTIONS))  # the same definition again: nothing happens
    assert engine.is_registered("join") and not engine.is_registered("other")
    with pytest.raises(EngineError, match="different definition"):
        engine.register("join", {"join": JOIN["join"]}, ACTIONS)
    with pytest.raises(EngineError, match="different definition"):
        engine.register("join", JOIN, {**ACTIONS, "pair": noop})
    with pytest.raises(EngineError, match="no action named `missing`"):
        engine.register("bad", {"r": on("x", "missing")}, ACTIONS)
    with pytest.raises(EngineError, match="rejected by durable_rules"):
        engine.register("bad", {"r": {"all": [{"m": {"$gtx": {"k": 1}}}], "run": "noop"}}, ACTIONS)
    with pytest.raises(EngineError, match="reserved"):
        engine.register("bad", {"__open__": on("x", "noop")}, ACTIONS)
    with pytest.raises(EngineError, match="without `\\$`"):
        engine.register("bad$state", {"r": on("x", "noop")}, ACTIONS)  # durable would read it as a statechart
    assert not engine.is_registered("bad")
    with pytest.raises(EngineError, match="not registered"):
        engine.run("bad", [])


# Facts and emit

@pytest.mark.parametrize("fact", [
    {"k": 1}, {"t": 1}, {"t": "a", "id": "x"}, {"t": "a", "sid": "x"}, {"t": "__open__"},
    {"t": "a", "nested": {"x": 1}}, {"t": "a", "rows": [{"x": 1}]}, {"t": "a", "v": math.nan}, {"t": "a", "v": {1}},
    "a",
])
def test_bad_input_facts_are_refused(join, fact):
    with pytest.raises(EngineError):
        join.run("join", [A1, fact])


def test_facts_may_come_from_any_iterable(join):
    assert join.run("join", (fact for fact in [A1, B1])) == [PAIR1]


def test_an_emitted_fact_must_not_carry_an_id(engine):
    engine.register("r", {"go": on("go", "bad"), "sink": on("x", "noop")},
                    {"bad": lambda c, emit: emit({"t": "x", "id": "mine"}), "noop": noop})
    with pytest.raises(EngineError, match="must not carry"):
        engine.run("r", [{"t": "go"}])


def test_the_same_derivation_twice_is_emitted_once(engine):
    # `pair` k=1 is derived four times (two rules, two b facts); `echo` re-derives the input fact B1.
    echo = {"all": [{"m": {"$and": [{"t": "b"}, {"extra": True}]}}], "run": "echo"}
    rules = {**JOIN, "join_again": JOIN["join"], "echo": echo}
    engine.register("r", rules, {**ACTIONS, "echo": lambda c, emit: emit({"t": "b", "k": c.m.k})})
    assert engine.run("r", [A1, B1, {"t": "b", "k": 1, "extra": True}]) == [PAIR1]


def test_facts_are_the_same_content_exactly_when_their_canonical_json_is():
    from vetting.engine.durable import _content_key

    values = [1, True, 1.0, "1", None, "null", 0.0, -0.0, [1], ["1"], [True]]
    keys = [_content_key({"t": "a", "v": v}) for v in values]
    assert len(set(keys)) == len(values)  # as json.dumps tells them apart
    assert _content_key({"t": "a", "v": [1, 2], "w": "x"}) == _content_key({"w": "x", "v": (1, 2), "t": "a"})
    with pytest.raises(EngineError):
        _content_key({"t": "a", 1: "non-string key"})
    with pytest.raises(EngineError):
        _content_key({"t": "a", "v": [math.inf]})
