"""`secretcheck history`: every secret ever committed, removed or not."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from secretcheck.commands import options as opt
from secretcheck.commands.common import EXIT_CLEAN, EXIT_FINDINGS, common_settings, fail, rule_flags
from secretcheck.commands.output import Console, report_color, write_report
from secretcheck.errors import SecretcheckError

if TYPE_CHECKING:
    from secretcheck.history import HistoryResult

# report.history.HISTORY_RENDERERS, spelled out: importing it here would load every detector
# at start-up (tests/commands/test_layout.py keeps the two equal).
FORMATS = ("text", "json", "sarif", "junit", "github")


@click.command()
@opt.paths_argument
@click.option("--since", metavar="REV", default=None, help="Only commits after REV.")
@click.option("--all-branches", is_flag=True, help="Every ref (branches, tags, remotes), not HEAD.")
@opt.format_option(FORMATS)
@opt.output_option
@opt.fail_on_option
@opt.select_options
@opt.scope_options
@opt.color_option
@click.option(
    "--baseline",
    "baseline_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="Secrets in this baseline are reported as known and do not fail the run.",
)
@click.option(
    "--ignore-file",
    type=click.Path(dir_okay=False),
    default=None,
    help="Rotated secrets: '<fingerprint> <reason>' lines (default: "
    ".secretcheck-history-ignore if it exists).",
)
@opt.verbosity_options
def history(
    paths: tuple[str, ...],
    since: str | None,
    all_branches: bool,
    fmt: str,
    output: str | None,
    fail_on: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    config_file: str | None,
    exclude: tuple[str, ...],
    jobs: int | None,
    rule_path: tuple[str, ...],
    color: bool | None,
    baseline_file: str | None,
    ignore_file: str | None,
    quiet: int,
    verbose: int,
) -> None:
    """Find every secret ever committed, removed or not.

    Scans the lines each commit added to PATHS (default: the whole repository). Exits 1 if any
    secret is found, even one removed since: removing a secret does not revoke it."""
    from secretcheck.gitlog import count_commits
    from secretcheck.history import scan_history
    from secretcheck.report.history import HISTORY_RENDERERS, ROTATE
    from secretcheck.runner import load_rules

    console = Console(quiet, verbose)
    flags = rule_flags(select, ignore, fail_on)
    try:
        settings = common_settings(paths, config_file, exclude, rule_path, jobs=jobs, **flags)
        load_rules(settings)
        if console.wants_progress():
            total = count_commits(Path.cwd(), since, all_branches, settings.paths)
            with click.progressbar(length=total, label="commits", file=sys.stderr) as bar:
                result = scan_history(settings, since, all_branches, on_commit=bar.update)
        else:
            result = scan_history(settings, since, all_branches)
        result = _accepted(result, baseline_file, ignore_file)
        catalogue = load_rules(settings)
    except SecretcheckError as exc:
        fail(str(exc))
    color_on = report_color(color, output)
    write_report(HISTORY_RENDERERS[fmt](result, catalogue, settings.fail_on, color_on), output)
    failing = result.failing(settings.fail_on)
    if failing and (fmt != "text" or output):
        console.warn(f"{len(failing)} secret(s) in history. {ROTATE}")
    sys.exit(EXIT_FINDINGS if failing else EXIT_CLEAN)


def _accepted(
    result: HistoryResult, baseline_file: str | None, ignore_file: str | None
) -> HistoryResult:
    """`result` with baselined secrets marked known and rotated (ignored) ones suppressed."""
    from secretcheck.historytriage import (
        DEFAULT_IGNORE_FILE,
        apply_baseline,
        apply_ignores,
        load_ignore_file,
    )

    if baseline_file:
        result = apply_baseline(result, baseline_file)
    if ignore_file is None and os.path.lexists(DEFAULT_IGNORE_FILE):
        ignore_file = DEFAULT_IGNORE_FILE
    if ignore_file:
        result = apply_ignores(result, load_ignore_file(ignore_file))
    return result
