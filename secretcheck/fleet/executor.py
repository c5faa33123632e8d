"""Where fleet and grade tasks run: threads here (`local`) or a Dask cluster (`dask`).

Either way a task is one whole repository or submission and the heavy work happens in the
child process that the task function (`fleet.worker.run_task`, `fleet.grade_task.grade_task`)
starts through `child.run_child` on the machine that runs the task, so the local executor
needs only threads (each one waits on its child) and no new dependency. `dask` and `distributed`
are imported only when the dask executor is chosen (`pip install 'secretcheck-py[dask]'`).

Both yield `(index, result)` as tasks finish, in completion order, so the caller can show
progress and write rows as they arrive; a task that raised (a worker lost for good, after
Dask's own bounded retries) comes back as the exception, for the caller to make an error row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from typing import Any, Protocol, TypeVar

from secretcheck.errors import ConfigError

R = TypeVar("R")
EXECUTORS = ("local", "dask")


class Executor(Protocol):
    def run(
        self, fn: Callable[..., R], items: Sequence[tuple[Any, ...]]
    ) -> Iterator[tuple[int, R | BaseException]]:
        """`fn(*item)` for every item, yielded as each finishes."""
        ...


class LocalExecutor:
    def __init__(self, workers: int) -> None:
        self.workers = max(1, workers)

    def run(
        self, fn: Callable[..., R], items: Sequence[tuple[Any, ...]]
    ) -> Iterator[tuple[int, R | BaseException]]:
        from secretcheck.fleet.child import allow_tasks, kill_live_tasks

        allow_tasks()
        pool = ThreadPoolExecutor(max_workers=self.workers)
        try:
            futures = {pool.submit(fn, *item): i for i, item in enumerate(items)}
            for future in as_completed(futures):
                error = future.exception()
                yield futures[future], error if error is not None else future.result()
        except BaseException:
            # Ctrl-C or SIGTERM: start nothing new and end the running task processes, which
            # the terminal's signal does not reach (each has its own session).
            pool.shutdown(wait=False, cancel_futures=True)
            kill_live_tasks()
            raise
        pool.shutdown(wait=True)


class DaskExecutor:
    """Tasks submitted to the scheduler at `address`; Dask retries a task whose worker died
    up to `retries` times (the worker's own child-process retries come first)."""

    def __init__(self, address: str, retries: int) -> None:
        self.address = address
        self.retries = retries

    def run(
        self, fn: Callable[..., R], items: Sequence[tuple[Any, ...]]
    ) -> Iterator[tuple[int, R | BaseException]]:
        try:
            # The [dask] extra is optional: mypy runs with or without it installed.
            from distributed import Client  # type: ignore[import-not-found, unused-ignore]
            from distributed import (  # type: ignore[import-not-found, unused-ignore]
                as_completed as dask_completed,
            )
        except ImportError:
            raise ConfigError(
                "--executor dask needs dask and distributed: pip install 'secretcheck-py[dask]'"
            ) from None
        try:
            client = Client(self.address, timeout=30)  # type: ignore[no-untyped-call, unused-ignore]
        except OSError as exc:
            raise ConfigError(f"cannot reach the Dask scheduler at {self.address}: {exc}") from None
        with client:
            futures = [client.submit(fn, *item, pure=False, retries=self.retries) for item in items]
            index = {future.key: i for i, future in enumerate(futures)}
            for future in dask_completed(futures):  # type: ignore[no-untyped-call, unused-ignore]
                error = future.exception()
                yield index[future.key], error if error is not None else future.result()
                future.release()


def make_executor(name: str, scheduler: str | None, workers: int, retries: int) -> Executor:
    if name == "dask":
        if not scheduler:
            raise ConfigError("--executor dask needs --scheduler ADDRESS (tcp://host:8786)")
        return DaskExecutor(scheduler, retries)
    if scheduler:
        raise ConfigError("--scheduler is only used with --executor dask")
    return LocalExecutor(workers)
