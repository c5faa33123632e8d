"""`secretcheck grade`: score take-home submissions on security habits.

Exit codes: 0 every submission graded; 2 grading could not start (a bad rubric, a missing
submission); 3 the report was written, but at least one submission could not be graded at all
(an error row: a corrupt or encrypted archive, an unreadable folder). The rest are ranked.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from secretcheck.commands import options as opt
from secretcheck.commands.common import EXIT_CLEAN, fail
from secretcheck.commands.output import Console, write_report
from secretcheck.errors import SecretcheckError

if TYPE_CHECKING:
    from secretcheck.grading.model import Grade

EXIT_NOT_ALL_GRADED = 3
# grading.render.FORMATS, spelled out: importing grading here would cost every command ~0.5 s
# of start-up (tests/commands/test_layout.py and tests/grading/test_grade_render.py keep the
# two equal).
FORMATS = ("text", "json", "markdown", "html", "csv")


def _terminate_cleanly(signum: int, frame: object) -> None:
    """SIGTERM unwinds like Ctrl-C, so `finally` blocks remove unpacked submissions."""
    sys.exit(128 + signum)


@click.command()
@click.argument("submissions", nargs=-1, required=True, type=click.Path())
@opt.format_option(FORMATS)
@opt.output_option
@click.option(
    "--batch",
    is_flag=True,
    help="Each argument is a folder of submissions (sub-folders and archives): a leaderboard.",
)
@click.option("--rubric", "rubric_file", type=click.Path(), help="A rubric TOML file to use.")
@click.option(
    "--base",
    metavar="REV",
    help="The employer's skeleton commit: what it holds is inherited, not charged. "
    "'none' turns off inferring it from a leading run of another author's commits.",
)
@opt.jobs_option
@opt.execution_options("submission", 600.0)
@opt.verbosity_options
def grade(
    submissions: tuple[str, ...],
    fmt: str,
    output: str | None,
    batch: bool,
    rubric_file: str | None,
    base: str | None,
    jobs: int | None,
    executor: str,
    scheduler: str | None,
    time_limit: float,
    memory_limit: int,
    retries: int,
    quiet: int,
    verbose: int,
) -> None:
    """Score take-home SUBMISSIONS (folders, git repositories, archives) on security habits.

    Submissions are only read: nothing in them is imported, executed or installed. The
    submission's own secretcheck config is ignored; the rubric decides. A submission that
    cannot be read becomes an error row and the rest are graded: exit 3 when one or more
    could not be graded (the report is still written), 2 when grading could not start.

    Each submission is one task in a process of its own, held to --time-limit and
    --memory-limit, here (-j at once) or on a Dask cluster (--executor dask --scheduler).
    """
    from secretcheck.fleet.child import Limits
    from secretcheck.fleet.executor import make_executor
    from secretcheck.grading.grade import grade_paths
    from secretcheck.grading.legend import report_info
    from secretcheck.grading.render import get_grade_renderer
    from secretcheck.grading.rubric import load_rubric
    from secretcheck.grading.submission import batch_base, batch_members
    from secretcheck.settings import Settings

    console = Console(quiet, verbose)
    previous = signal.signal(signal.SIGTERM, _terminate_cleanly)
    try:
        rubric = load_rubric(rubric_file)
        paths = [Path(s) for s in submissions]
        if batch:
            base = base or next((b for p in paths if (b := batch_base(p))), None)
            paths = [member for p in paths for member in batch_members(p)]
        elif len(paths) == 1 and not paths[0].exists():
            fail(f"submission does not exist: {paths[0]}")
        settings = Settings(jobs=jobs or 0, use_cache=False)
        workers = jobs or os.cpu_count() or 1
        runner = make_executor(executor, scheduler, workers, retries)
        limits = Limits(time=time_limit, memory_mb=memory_limit, retries=retries)
        with console.task_progress("grading", len(paths), lines=False) as done:
            grades = grade_paths(
                paths, rubric, settings, base=base, jobs=jobs, executor=runner,
                task_limits=limits, on_done=lambda g: done(g.name, _graded_line(g)),
            )  # fmt: skip
    except SecretcheckError as exc:
        fail(str(exc))
    finally:
        signal.signal(signal.SIGTERM, previous)
    if len(grades) == 1 and grades[0].error:  # nothing to rank: a plain error, as before
        fail(grades[0].error)
    write_report(get_grade_renderer(fmt)(grades, report_info(rubric)), output)
    failed = [g for g in grades if g.error]
    for g in failed:
        console.warn(f"not graded: {g.name}: {g.error}")
    sys.exit(EXIT_NOT_ALL_GRADED if failed else EXIT_CLEAN)


def _graded_line(grade: Grade) -> str:
    state = f"error: {grade.error}" if grade.error else f"{grade.score:.1f}"
    return f"{grade.name}: {state}"
