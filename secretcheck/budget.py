"""A CPU-time budget for one file's syntax-tree stage.

A hostile or generated file (10k Flask routes, a 1000-term expression) can make the libcst and
taint stages run for minutes. The text detectors are bounded by construction (prefilters,
linear regexes), so the per-file budget guards the stage after them: `cpu_budget` arms a
process CPU-time timer (`ITIMER_PROF`: user + system time, so a loaded machine does not eat
the budget), and its signal handler raises `BudgetExceeded` wherever the stage happens to be.

`BudgetExceeded` derives from `BaseException` so that no `except Exception` inside a detector
can swallow it. The timer works in the main thread of any process (the CLI, and each pool
worker); elsewhere (an embedding application's thread) no budget is enforced.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

__all__ = ["SHORTEST", "BudgetExceeded", "cpu_budget"]


class BudgetExceeded(BaseException):  # a signal to stop, not an error
    """The stage ran past its CPU-time budget."""


# The profiling timer fires on the kernel's clock ticks, so a timer armed for less than one may
# not fire before a short stage ends. A file given a 1e-9 s budget was sometimes analysed in
# full in full test runs on a loaded 2-core machine, so the remaining time must have read as
# positive there (the process CPU clock is summed over all threads). Under a millisecond left,
# the budget counts as spent.
SHORTEST = 0.001


def _expired(signum: int, frame: FrameType | None) -> None:
    raise BudgetExceeded


@contextmanager
def cpu_budget(seconds: float) -> Iterator[None]:
    """Raise `BudgetExceeded` in the block once the process has used `seconds` more CPU time.

    Less than `SHORTEST` seconds raises at once (the budget is spent); `seconds is inf`, or a
    call outside the main thread, enforces nothing."""
    if seconds == float("inf") or threading.current_thread() is not threading.main_thread():
        yield
        return
    if seconds < SHORTEST:
        raise BudgetExceeded
    previous = signal.signal(signal.SIGPROF, _expired)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        # A signal already on its way may still raise between these two lines; the handler
        # left installed then only ever fires under a later `cpu_budget`, which re-arms it.
        if previous is not None:
            signal.signal(signal.SIGPROF, previous)
