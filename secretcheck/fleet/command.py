"""`secretcheck fleet`: click wiring only (options -> tasks -> run_fleet -> reports -> exit).

Exit codes: 0 every repository scanned and nothing at or above --fail-on; 1 a finding or a
secret in history at or above it; 3 no such finding, but at least one repository could not be
scanned (an error row: it may hide a secret); 2 the run could not start (bad list, config).
"""

from __future__ import annotations

import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path

import click

from secretcheck.commands import options as opt
from secretcheck.commands.output import Console
from secretcheck.errors import SecretcheckError
from secretcheck.findings import Severity

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR, EXIT_NOT_ALL_SCANNED = 0, 1, 2, 3


@click.command()
@click.argument("repo_list", type=click.Path(dir_okay=False))
@click.option(
    "--mode",
    type=click.Choice(("scan", "history", "both")),
    default="both",
    show_default=True,
    help="HEAD (the work tree of a local path), the whole history, or both.",
)
@click.option(
    "-o",
    "--out",
    "out_dir",
    type=click.Path(file_okay=False),
    default="fleet-report",
    show_default=True,
    help="Folder for fleet.json/.sarif/.md and repos/<name>/.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=0,
    help="Repositories at once with --executor local (0: one per core).",
)
@opt.execution_options("repository", 1800.0)
@click.option(
    "--fail-on",
    type=click.Choice([s.label for s in Severity]),
    default=None,
    help="Lowest severity that fails the run (default: low).",
)
@click.option("--select", multiple=True, help="Only these rule codes or prefixes.")
@click.option("--ignore", multiple=True, help="Skip these rule codes or prefixes.")
@click.option(
    "--config",
    "config_file",
    type=click.Path(),
    default=None,
    help="Config for every repository (a repository's own config is not read).",
)
@opt.verbosity_options
def fleet(
    repo_list: str,
    mode: str,
    out_dir: str,
    executor: str,
    scheduler: str | None,
    jobs: int,
    time_limit: float,
    memory_limit: int,
    retries: int,
    fail_on: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    config_file: str | None,
    quiet: int,
    verbose: int,
) -> None:
    """Scan every repository in REPO_LIST (paths or clone URLs, one a line, or a .toml file
    of [[repo]] tables), one task per repository, locally or on a Dask cluster.

    A repository that cannot be cloned or read, or that runs past --time-limit, is an error
    row in the reports; the others are still scanned."""
    import os

    from secretcheck.fleet.executor import make_executor
    from secretcheck.fleet.report import row_summary, write_repo_folder, write_reports
    from secretcheck.fleet.repos import read_repo_list
    from secretcheck.fleet.run import run_fleet
    from secretcheck.fleet.worker import Limits
    from secretcheck.settings import build_settings

    console = Console(quiet, verbose)
    try:
        tasks = read_repo_list(Path(repo_list))
        flags = {
            "select": _codes(select),
            "ignore": _codes(ignore),
            "fail_on": Severity.parse(fail_on) if fail_on else None,
        }
        # The config named (or found from the current folder) applies to every repository.
        settings = build_settings((".",), config_file, flags)
        runner = make_executor(executor, scheduler, jobs or os.cpu_count() or 1, retries)
        out = Path(out_dir)
        started = time.monotonic()

        def arrived(done: Callable[[str, str], None], row: dict[str, object]) -> None:
            line = row_summary(row)
            state = (
                f"error: {row['error']}"
                if row["status"] == "error"
                else (
                    f"{line['head']} in HEAD, {line['present']} present, {line['removed']} removed"
                )
            )
            done(str(row["name"]), f"{row['name']}: {state} ({time.monotonic() - started:.1f} s)")
            write_repo_folder(out, row)

        limits = Limits(time=time_limit, memory_mb=memory_limit, retries=retries)
        # SIGTERM unwinds like Ctrl-C, so the executor ends the task processes it started.
        previous = signal.signal(signal.SIGTERM, _terminate)
        try:
            with console.task_progress("fleet", len(tasks)) as done:
                rows = run_fleet(
                    tasks, settings, mode, runner, limits, on_row=lambda _i, r: arrived(done, r)
                )
        finally:
            signal.signal(signal.SIGTERM, previous)
        written = write_reports(out, rows, mode)
    except SecretcheckError as exc:
        click.echo(f"secretcheck: error: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    except OSError as exc:
        click.echo(f"secretcheck: error: cannot write the reports: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    failing = sum(row_summary(r)["failing"] for r in rows)
    errors = [r for r in rows if r["status"] == "error"]
    console.note(
        f"{len(rows)} repositories, {failing} failing finding(s), "
        f"{len(errors)} error row(s); reports: {', '.join(map(str, written))}"
    )
    sys.exit(EXIT_FINDINGS if failing else EXIT_NOT_ALL_SCANNED if errors else EXIT_CLEAN)


def _codes(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(c.strip().upper() for v in values for c in v.split(",") if c.strip())


def _terminate(signum: int, frame: object) -> None:
    sys.exit(128 + signum)
