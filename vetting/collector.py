"""The cyclic garbage collector paused while a big case is loaded, decided and written.

Loading, building the facts, merging the parts' results, combining them and writing the report each make
millions of small objects and next to no reference cycles; yet every few hundred allocations start the
collector, which scans the ever larger heap of the case again. On a generated 10,000-unit case that scanning was
two thirds of validation (6.5 s of CPU against 2.2 s without), and most of building the JSON report. Paused,
the same code runs with the same results; the few cycles made meanwhile are collected once it runs again.

This module imports nothing of `vetting`: the case loader, the decisions, the engine and the command line all
use it without importing one another.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator

# whether the collector ran before the outermost pause began: what a forked worker process restores
_outside: list[bool] = []


@contextmanager
def paused() -> Iterator[None]:
    """The collector off inside; on again afterwards if it was on before. Pauses nest."""
    enabled = gc.isenabled()
    _outside.append(_outside[0] if _outside else enabled)
    gc.disable()
    try:
        yield
    finally:
        _outside.pop()
        if enabled:
            gc.enable()


def enabled_outside() -> bool:
    """Whether the collector would be running here but for a pause: a process forked during a pause (a worker
    deciding parts) restores this, so it runs as it would have before the pause."""
    return _outside[0] if _outside else gc.isenabled()
