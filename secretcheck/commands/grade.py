"""`secretcheck grade`: score take-home submissions on security habits."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from secretcheck.commands import options as opt
from secretcheck.commands.common import EXIT_CLEAN, fail
from secretcheck.commands.output import Console, write_report
from secretcheck.errors import SecretcheckError
from secretcheck.grading.render import FORMATS, get_grade_renderer


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
@opt.jobs_option
@opt.verbosity_options
def grade(
    submissions: tuple[str, ...],
    fmt: str,
    output: str | None,
    batch: bool,
    rubric_file: str | None,
    jobs: int | None,
    quiet: int,
    verbose: int,
) -> None:
    """Score take-home SUBMISSIONS (folders, git repositories, archives) on security habits.

    Submissions are only read: nothing in them is imported, executed or installed. The
    submission's own secretcheck config is ignored; the rubric decides.
    """
    from secretcheck.grading.grade import grade_paths
    from secretcheck.grading.rubric import load_rubric
    from secretcheck.grading.submission import batch_members
    from secretcheck.settings import Settings

    console = Console(quiet, verbose)
    try:
        rubric = load_rubric(rubric_file)
        paths = [Path(s) for s in submissions]
        if batch:
            paths = [member for p in paths for member in batch_members(p)]
        settings = Settings(jobs=jobs or 0, use_cache=False)
        if batch and console.wants_progress():
            with click.progressbar(length=len(paths), label="submissions", file=sys.stderr) as bar:
                grades = grade_paths(paths, rubric, settings, on_graded=bar.update)
        else:
            grades = grade_paths(paths, rubric, settings)
    except SecretcheckError as exc:
        fail(str(exc))
    write_report(get_grade_renderer(fmt)(grades), output)
    sys.exit(EXIT_CLEAN)
