"""A progress bar on standard error for long evaluations; silent when standard error is not a terminal.

The bar appears only after a couple of seconds of work, so short runs print nothing extra, and it never goes
to standard output (which may be the report itself).
"""
from __future__ import annotations

import sys
import time

DELAY_S = 2.0


class PartsProgress:
    """A callable `(done, total)` for `evaluate(progress=...)`: shows parts decided out of all parts."""

    def __init__(self, label: str = "deciding", stream=None):
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.start = time.monotonic()
        self._bar = None
        self._task = None

    def __call__(self, done: int, total: int) -> None:
        if self._bar is None:
            if not self.stream.isatty() or time.monotonic() - self.start < DELAY_S:
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._bar = Progress(TextColumn(self.label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                                 console=Console(file=self.stream, highlight=False), transient=True)
            self._bar.start()
            self._task = self._bar.add_task(self.label, total=total)
        self._bar.update(self._task, completed=done, total=total)
        if done >= total:
            self.close()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
