"""Run the parts of a partitioned evaluation as separate durable_rules sessions, on every core.

durable_rules holds the GIL in every call and its Host must not be shared by threads (durable-rules.md §3,
§8: one Host per process, processes for parallelism). So the parts run in a pool of forked processes, each
with its own Engine and Host, and come back in part order: the merged result never depends on the number of
workers or on which finished first.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import signal
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable

from vetting import collector
from vetting.errors import InputError
from vetting.engine.partition import Part

# what a forked worker reads: set by the parent just before the pool is made, inherited, never pickled
_WORK: dict = {}


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _keep(emitted: list[dict], owned: frozenset) -> tuple[list[dict], set]:
    """The findings this part decides (about what it owns; lifts and tasks always), and the rules that fired."""
    kept, rules = [], set()
    for fact in emitted:
        t = fact["t"]
        if t == "task" or (t == "finding" and (fact.get("effect") == "lift" or not isinstance(fact.get("subject"), str)
                                               or fact["subject"] in owned)):
            kept.append(fact)
        elif "rule" in fact:
            rules.add(fact["rule"])
    return kept, rules


def without(result: tuple[list[dict], set], owned: frozenset) -> tuple[list[dict], set]:
    """A part's result less its findings about `owned` (decided again elsewhere); their rules still fired."""
    kept, rules = result
    dropped = [f for f in kept if f["t"] == "finding" and f.get("effect") != "lift" and isinstance(f.get("subject"), str)
               and f["subject"] in owned]
    if not dropped:
        return result
    gone = {id(f) for f in dropped}
    return [f for f in kept if id(f) not in gone], rules | {f["rule"] for f in dropped}


def _run_one(index: int):
    """Decide one part in this process; errors come back as data (an exception's cause is lost in pickling)."""
    from vetting.engine.durable import EngineError, get_engine

    ruleset, facts, parts = _WORK["ruleset"], _WORK["facts"], _WORK["parts"]
    part = parts[index]
    try:
        engine = get_engine()
        if not engine.is_registered(ruleset.engine_name):
            engine.register(ruleset.engine_name, ruleset.definition, ruleset.actions)
        emitted = engine.run(ruleset.engine_name, [facts[i] for i in part.facts])
    except InputError as err:
        return "input", vars(err)
    except EngineError as err:
        if isinstance(err.__cause__, InputError):
            return "input", vars(err.__cause__)
        return "engine", str(err)
    return "ok", _keep(emitted, part.owned)


def _start_worker() -> None:
    import vetting.engine.durable

    if collector.enabled_outside():  # forked while the parent paused the collector: run as before the pause
        gc.enable()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops the pool
    vetting.engine.durable._engine = None  # a Host of its own: the parent's is never used from here


def run_parts(ruleset, facts: list[dict], parts: list[Part], workers: int,
              progress: Callable[[int, int], None] | None = None) -> list[dict]:
    """The findings and tasks of every part, in part order, plus one marker per rule that fired elsewhere."""
    return merged(decide_parts(ruleset, facts, parts, workers, progress))


def merged(results: list[tuple[list[dict], set]]) -> list[dict]:
    """The results of parts as one list: what each kept, in order, then one marker per rule that derived only
    facts no part kept (the combining reads them for `Report.fired`)."""
    derived, fired = [], set()
    for kept, rules in results:
        derived.extend(kept)
        fired |= rules
    derived.extend({"t": "fired", "rule": rule} for rule in sorted(fired))
    return derived


def decide_parts(ruleset, facts: list[dict], parts: list[Part], workers: int,
                 progress: Callable[[int, int], None] | None = None) -> list[tuple[list[dict], set]]:
    """Each part's result, in part order: what it keeps (`_keep`) and the rules that fired only for the rest."""
    from vetting.engine.durable import EngineError

    _WORK.update(ruleset=ruleset, facts=facts, parts=parts)
    # The case and its facts are millions of objects inherited by the forked workers: a collection that scans
    # them touches every page (copying it) and pauses the worker for seconds, long enough for durable to
    # abandon an action (the engine then refuses the result). Frozen, the collector leaves them alone.
    gc.freeze()
    try:
        if workers <= 1 or len(parts) <= 1 or "fork" not in multiprocessing.get_all_start_methods():
            results = (_run_one(i) for i in range(len(parts)))
            pool = None
        else:
            # an executor, not multiprocessing.Pool: a worker that dies (durable can segfault, §1) breaks it with
            # an error instead of leaving the parent waiting for ever
            pool = ProcessPoolExecutor(min(workers, len(parts)), mp_context=multiprocessing.get_context("fork"),
                                       initializer=_start_worker)
            results = pool.map(_run_one, range(len(parts)))
        done = []
        try:
            for status, value in results:  # in part order, whichever finished first
                if status == "input":
                    raise InputError(**value)
                if status == "engine":
                    raise EngineError(value)
                done.append(value)
                if progress:
                    progress(len(done), len(parts))
        except BrokenProcessPool as error:
            raise EngineError(f"a worker process died while deciding a part: {error}") from error
        finally:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)
    finally:
        _WORK.clear()
        gc.unfreeze()
    return done
