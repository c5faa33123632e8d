"""`--jobs 1` as an executor, for callers written against one (history's replay)."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Executor, Future
from typing import Any, TypeVar

R = TypeVar("R")


class InlineExecutor(Executor):
    """Runs each task at once in this process: `--jobs 1` without a pool's start-up cost."""

    def submit(self, fn: Callable[..., R], /, *args: Any, **kwargs: Any) -> Future[R]:
        future: Future[R] = Future()
        future.set_result(fn(*args, **kwargs))
        return future
