"""Run a fleet: every task on an executor, rows back in input order, errors as rows."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from secretcheck.fleet.executor import Executor
from secretcheck.fleet.repos import RepoTask
from secretcheck.fleet.worker import Limits, error_row, run_task
from secretcheck.settings import Settings

Row = dict[str, Any]


def portable_settings(settings: Settings) -> Settings:
    """Rule-pack folders made absolute: the task runs with its repository as the current
    folder (and, on a cluster, the folders must exist at the same place on every worker)."""
    return replace(settings, rule_paths=tuple(os.path.abspath(p) for p in settings.rule_paths))


def run_fleet(
    tasks: Sequence[RepoTask],
    settings: Settings,
    mode: str,
    executor: Executor,
    limits: Limits,
    on_row: Callable[[int, Row], None] | None = None,
) -> list[Row]:
    """One row per task, in the order given; `on_row` sees each as it arrives."""
    settings = portable_settings(settings)
    items = [(task, settings, mode, limits) for task in tasks]
    rows: list[Row | None] = [None] * len(tasks)
    for index, outcome in executor.run(run_task, items):
        if isinstance(outcome, BaseException):
            outcome = error_row(tasks[index], f"task failed: {type(outcome).__name__}")
        rows[index] = outcome
        if on_row is not None:
            on_row(index, outcome)
    return [
        r if r is not None else error_row(t, "no result") for r, t in zip(rows, tasks, strict=True)
    ]
