"""`secretcheck scan`: the tree, the index (--staged) or the lines added since REV (--diff)."""

from __future__ import annotations

import os
import sys
from dataclasses import replace

import click

from secretcheck.commands import options as opt
from secretcheck.commands.common import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    EXIT_SCAN_FAILED,
    common_settings,
    fail,
    rule_flags,
)
from secretcheck.commands.output import Console, report_color, write_report
from secretcheck.errors import SecretcheckError
from secretcheck.findings import ScanResult, Severity
from secretcheck.report import FORMATS, get_renderer


@click.command()
@opt.paths_argument
@opt.format_option(FORMATS)
@opt.output_option
@opt.fail_on_option
@opt.select_options
@opt.scope_options
@click.option(
    "--force-exclude",
    is_flag=True,
    help="Apply excludes to files named on the command line too (for pre-commit).",
)
@click.option("--no-cache", is_flag=True, help="Neither read nor write the findings cache.")
@click.option(
    "--audit",
    is_flag=True,
    help="Also report injection sinks fed by values of unknown origin (info, low confidence).",
)
@opt.color_option
@click.option(
    "--baseline",
    "baseline_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="Only findings not in this baseline fail the run (config: baseline).",
)
@click.option("--fail-on-stale", is_flag=True, help="Also fail when baseline entries are stale.")
@click.option(
    "--fail-on-unaudited",
    is_flag=True,
    help="Also fail while baseline entries have no verdict (`secretcheck baseline audit`).",
)
@click.option("--staged", is_flag=True, help="Scan the staged (index) version of staged files.")
@click.option(
    "--diff",
    "diff_rev",
    metavar="REV",
    default=None,
    help="Only findings on lines added since the merge base of REV and HEAD.",
)
@click.option(
    "--only-new",
    is_flag=True,
    help="Leave baselined and suppressed findings out of the report (GitHub code scanning "
    "ignores SARIF baselineState and would open an alert for each).",
)
@opt.verbosity_options
def scan(
    paths: tuple[str, ...],
    fmt: str,
    output: str | None,
    fail_on: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    config_file: str | None,
    exclude: tuple[str, ...],
    jobs: int | None,
    rule_path: tuple[str, ...],
    force_exclude: bool,
    no_cache: bool,
    audit: bool,
    color: bool | None,
    baseline_file: str | None,
    fail_on_stale: bool,
    fail_on_unaudited: bool,
    staged: bool,
    diff_rev: str | None,
    only_new: bool,
    quiet: int,
    verbose: int,
) -> None:
    """Scan PATHS (default: the current directory) and report findings."""
    from secretcheck.api import run_scan
    from secretcheck.rulepacks import load_catalogue

    console = Console(quiet, verbose)
    if staged and diff_rev is not None:
        fail("--staged and --diff cannot be combined")
    flags = rule_flags(select, ignore, fail_on)
    try:
        settings = common_settings(
            paths, config_file, exclude, rule_path, **flags, jobs=jobs,
            force_exclude=force_exclude or None, baseline=baseline_file,
            use_cache=False if no_cache else None, audit=True if audit else None,
        )  # fmt: skip
        with console.progress("files") as progress:
            result = run_scan(settings, staged=staged, diff=diff_rev, progress=progress)
        catalogue = load_catalogue(settings.rule_paths)
    except SecretcheckError as exc:
        fail(str(exc))
    console.detail(
        f"{result.files_scanned} files, {result.lines_scanned} lines scanned; "
        f"{len(result.skipped)} skipped"
    )
    for skip in result.skipped:
        console.detail(f"skipped {skip.path}: {skip.reason}")
    color_on = report_color(color, output)
    shown = replace(result, findings=result.new()) if only_new else result
    write_report(get_renderer(fmt)(shown, catalogue, settings.fail_on, color_on), output)
    if fmt == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        _append_step_summary(os.environ["GITHUB_STEP_SUMMARY"], result, settings.fail_on)
    for error in result.errors:
        console.warn(f"scan error: {error.path}: {error.message}")
    failing = result.failing(settings.fail_on)
    stale_fail = fail_on_stale and bool(result.stale)
    if stale_fail:
        console.warn(
            f"--fail-on-stale: {len(result.stale)} baseline entries match nothing any more; "
            "run `secretcheck baseline update` to drop them"
        )
    if failing and (staged or os.environ.get("PRE_COMMIT")):
        console.note(blocked_commit(sorted({f.rule_id for f in failing})))
    unaudited = _unaudited(settings.baseline) if fail_on_unaudited else 0
    if unaudited:
        console.warn(
            f"--fail-on-unaudited: {unaudited} baseline entries have no verdict; "
            "run `secretcheck baseline audit`"
        )
    if result.errors:  # an incomplete scan, whatever it found: CI must tell the two apart
        sys.exit(EXIT_SCAN_FAILED)
    failed = bool(failing) or stale_fail or bool(unaudited)
    sys.exit(EXIT_FINDINGS if failed else EXIT_CLEAN)


def _append_step_summary(path: str, result: ScanResult, fail_on: Severity) -> None:
    """The job summary GitHub shows on the run page; a run without one still reports."""
    from secretcheck.report.github import step_summary

    try:
        with open(path, "a", encoding="utf-8", errors="surrogateescape") as handle:
            handle.write(step_summary(result, fail_on))
    except OSError as exc:
        Console().warn(f"cannot write the job summary {path}: {exc.strerror}")


def _unaudited(baseline_file: str) -> int:
    """Entries of the baseline in use that no one has judged yet (0 with no baseline)."""
    from secretcheck import baseline as bl

    if not baseline_file:
        fail("--fail-on-unaudited needs a baseline (--baseline FILE or config 'baseline')")
    try:
        return sum(1 for e in bl.load(baseline_file).entries if not e.verdict)
    except SecretcheckError as exc:
        fail(str(exc))


def blocked_commit(codes: list[str]) -> str:
    """The three ways forward from a blocked commit, in the order one should consider them."""
    # Assembled in two parts so this line is not itself read as a (malformed) directive.
    directive = "# secretcheck" + f": ignore[{','.join(codes)}] -- why"
    return (
        "commit blocked. Next steps, by case:\n"
        "  - a real secret: remove it, ROTATE it at the provider (it may already be in a push "
        "or a stash), and load it from the environment or a secret manager instead;\n"
        f"  - not a secret (a test value, a placeholder): add `{directive}` on its line;\n"
        "  - accepted as existing debt: `secretcheck baseline create` (or `baseline update`) "
        "and commit the baseline."
    )
