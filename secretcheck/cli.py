"""Command-line wiring only: options -> Settings -> api -> renderer -> exit code.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 a usage, config or
rule-pack error, reported in one line; 3 the scan itself failed on some file (it could not be
read, or a detector failed on it: the report's `errors`), whatever the findings, so CI can tell
an incomplete scan from a finding.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import click

from secretcheck import __version__
from secretcheck.errors import SecretcheckError
from secretcheck.findings import ScanError, Severity
from secretcheck.report import FORMATS, get_renderer
from secretcheck.rulepacks import load_catalogue
from secretcheck.safeio import open_text_for_writing
from secretcheck.settings import CODE_SELECTOR, Settings, build_settings

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR, EXIT_SCAN_FAILED = 0, 1, 2, 3
SEVERITIES = [s.label for s in Severity]


_rule_path_option = click.option(
    "--rule-path",
    "rule_path",
    multiple=True,
    type=click.Path(),
    help="An extra rule-pack folder, even outside the project (repeatable). A config "
    "file's rule-paths must stay inside its own folder.",
)


def _split_codes(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(c.strip().upper() for v in values for c in v.split(",") if c.strip())


def _fail(message: str) -> None:
    click.echo(f"secretcheck: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="secretcheck")
def main() -> None:
    """Find hard-coded secrets and unsafe input handling in Python projects."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write the report to FILE instead of standard output.",
)
@click.option(
    "--fail-on",
    type=click.Choice(SEVERITIES),
    default=None,
    help="Lowest severity that fails the run (default: low; config: fail-on).",
)
@click.option("--select", multiple=True, help="Only these rule codes or prefixes (SC1,SC301).")
@click.option("--ignore", multiple=True, help="Skip these rule codes or prefixes.")
@click.option("--exclude", multiple=True, help="Skip paths matching this glob (repeatable).")
@click.option(
    "--config",
    "config_file",
    type=click.Path(),
    default=None,
    help="Config file (default: nearest .secretcheck.toml or pyproject.toml).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=None,
    help="Worker processes (0: one per core).",
)
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
@click.option(
    "--color/--no-color", default=None, help="Colour the text report (default: on a TTY)."
)
@click.option(
    "--baseline",
    "baseline_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="Only findings not in this baseline fail the run (config: baseline).",
)
@click.option("--fail-on-stale", is_flag=True, help="Also fail when baseline entries are stale.")
@click.option("--staged", is_flag=True, help="Scan the staged (index) version of staged files.")
@click.option(
    "--diff",
    "diff_rev",
    metavar="REV",
    default=None,
    help="Only findings on lines added since the merge base of REV and HEAD.",
)
@_rule_path_option
def scan(
    paths: tuple[str, ...],
    fmt: str,
    output: str | None,
    fail_on: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    exclude: tuple[str, ...],
    config_file: str | None,
    jobs: int | None,
    force_exclude: bool,
    no_cache: bool,
    audit: bool,
    color: bool | None,
    baseline_file: str | None,
    fail_on_stale: bool,
    staged: bool,
    diff_rev: str | None,
    rule_path: tuple[str, ...],
) -> None:
    """Scan PATHS (default: the current directory) and report findings."""
    from secretcheck.api import run_scan

    if staged and diff_rev is not None:
        _fail("--staged and --diff cannot be combined")

    # As in the config file: a mistyped code must not quietly select nothing (a clean run).
    for flag, values in (("--select", select), ("--ignore", ignore)):
        bad = [c for c in _split_codes(values) if not CODE_SELECTOR.match(c)]
        if bad:
            _fail(f"{flag}: {bad[0]!r} is not a rule code or prefix (SC101, SC1, ALL)")
            return
    overrides: dict[str, Any] = {
        "select": _split_codes(select),
        "ignore": _split_codes(ignore),
        "fail_on": Severity.parse(fail_on) if fail_on else None,
        "jobs": jobs,
        "force_exclude": force_exclude or None,
        "baseline": baseline_file,
        "use_cache": False if no_cache else None,
        "audit": True if audit else None,
    }
    try:
        settings = _with_rule_paths(
            build_settings(paths or (".",), config_file, overrides), rule_path
        )
        if exclude:
            settings = settings.with_extra_excludes(exclude)
        result = run_scan(settings, staged=staged, diff=diff_rev)
        catalogue = load_catalogue(settings.rule_paths)
    except SecretcheckError as exc:
        _fail(str(exc))
        return
    use_color = color if color is not None else (output is None and sys.stdout.isatty())
    report = get_renderer(fmt)(result, catalogue, settings.fail_on, use_color)
    if output:
        try:
            # surrogateescape: a non-UTF-8 file name is written as its own bytes, as on stdout.
            with open_text_for_writing(output, errors="surrogateescape") as handle:
                handle.write(report)
        except OSError as exc:
            _fail(f"cannot write {output}: {exc.strerror}")
    else:
        # color= keeps the styles that --color asked for when stdout is not a terminal.
        click.echo(report, nl=False, color=use_color)
    for error in result.errors:
        click.echo(f"secretcheck: scan error: {error.path}: {error.message}", err=True)
    if result.errors:
        sys.exit(EXIT_SCAN_FAILED)
    failed = bool(result.failing(settings.fail_on))
    failed = failed or (fail_on_stale and bool(result.stale))
    sys.exit(EXIT_FINDINGS if failed else EXIT_CLEAN)


@main.group(invoke_without_command=True)
@click.pass_context
def rules(ctx: click.Context) -> None:
    """List the rule catalogue (code, name, severity, CWE, summary)."""
    if ctx.invoked_subcommand is not None:
        return
    try:
        catalogue = load_catalogue()
    except SecretcheckError as exc:
        _fail(str(exc))
        return
    for rule in catalogue.active():
        click.echo(
            f"{rule.code}  {rule.name:<40} {rule.severity.label:<8} {rule.cwe:<9} {rule.summary}"
        )


@rules.command("show")
@click.argument("code")
def rules_show(code: str) -> None:
    """Print the documentation of rule CODE."""
    from secretcheck.report.sarif import rule_markdown

    try:
        rule = load_catalogue().get(code)
    except SecretcheckError as exc:
        _fail(str(exc))
        return
    if rule is None:
        _fail(f"no rule {code!r}; `secretcheck rules` lists them")
        return
    click.echo(f"{rule.code} {rule.name}")
    click.echo(
        f"category: {rule.category}  cwe: {rule.cwe}  severity: {rule.severity.label}"
        f"  confidence: {rule.confidence.label}"
    )
    click.echo()
    click.echo(rule_markdown(rule).split("\n", 2)[2])


def _with_rule_paths(settings: Settings, rule_paths: tuple[str, ...]) -> Settings:
    """Add the folders the user named with --rule-path to the config's (never in place of)."""
    if not rule_paths:
        return settings
    return replace(settings, rule_paths=settings.rule_paths + tuple(rule_paths))


def _common_settings(
    paths: tuple[str, ...],
    config_file: str | None,
    exclude: tuple[str, ...],
    rule_paths: tuple[str, ...] = (),
    **flags: Any,
) -> Settings:
    settings = _with_rule_paths(build_settings(paths or (".",), config_file, flags), rule_paths)
    return settings.with_extra_excludes(exclude) if exclude else settings


_config_option = click.option(
    "--config",
    "config_file",
    type=click.Path(),
    default=None,
    help="Config file (default: nearest .secretcheck.toml or pyproject.toml).",
)
_exclude_option = click.option("--exclude", multiple=True, help="Skip paths matching this glob.")
_jobs_option = click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=None,
    help="Worker processes (0: one per core).",
)


@main.group("baseline")
def baseline_group() -> None:
    """Accept today's findings so that only new ones fail."""


@baseline_group.command("create")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="Baseline file (default: config 'baseline' or .secretcheck-baseline.json).",
)
@_config_option
@_exclude_option
@_jobs_option
@_rule_path_option
def baseline_create(
    paths: tuple[str, ...],
    output: str | None,
    config_file: str | None,
    exclude: tuple[str, ...],
    jobs: int | None,
    rule_path: tuple[str, ...],
) -> None:
    """Write a baseline accepting every current finding.

    Scans PATHS (default: the current directory). The salt of an existing baseline is kept, so
    an unchanged tree gives a byte-identical file."""
    import os
    from dataclasses import replace
    from pathlib import Path

    from secretcheck import baseline as bl
    from secretcheck.api import scan_tree

    try:
        settings = _common_settings(paths, config_file, exclude, rule_path, jobs=jobs)
        target = output or settings.baseline or bl.DEFAULT_BASELINE
        salt = bl.existing_salt(target)
        if salt is None and os.path.lexists(target) and not bl.is_empty_file(target):
            _fail(f"{target} exists and is not a secretcheck baseline; not overwriting it")
        result, _ = scan_tree(replace(settings, baseline=""))
        base_dir = Path(os.path.abspath(target)).parent
        made = bl.build(result.findings, salt or bl.new_salt(), base_dir)
        bl.write(target, made)
    except SecretcheckError as exc:
        _fail(str(exc))
        return
    click.echo(f"secretcheck: wrote {len(made.entries)} baseline entries to {target}", err=True)
    _exit_on_scan_errors(result.errors)


@baseline_group.command("update")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "-b",
    "--baseline",
    "baseline_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="Baseline file (default: config 'baseline' or .secretcheck-baseline.json).",
)
@_config_option
@_exclude_option
@_jobs_option
@_rule_path_option
def baseline_update(
    paths: tuple[str, ...],
    baseline_file: str | None,
    config_file: str | None,
    exclude: tuple[str, ...],
    jobs: int | None,
    rule_path: tuple[str, ...],
) -> None:
    """Re-scan and accept what is there now.

    New findings in PATHS are added and stale entries dropped; entries of files outside PATHS
    are kept while those files exist."""
    import os
    from dataclasses import replace
    from pathlib import Path

    from secretcheck import baseline as bl
    from secretcheck.api import scan_tree

    try:
        settings = _common_settings(paths, config_file, exclude, rule_path, jobs=jobs)
        target = baseline_file or settings.baseline or bl.DEFAULT_BASELINE
        old = bl.load(target)
        result, scanned = scan_tree(replace(settings, baseline=""))
        made = bl.updated(old, result.findings, scanned, Path(os.path.abspath(target)).parent)
        bl.write(target, made)
    except SecretcheckError as exc:
        _fail(str(exc))
        return
    added = len(set(made.entries) - set(old.entries))
    dropped = len(set(old.entries) - set(made.entries))
    click.echo(
        f"secretcheck: {target}: {len(made.entries)} entries ({added} added, {dropped} removed)",
        err=True,
    )
    _exit_on_scan_errors(result.errors)


def _exit_on_scan_errors(errors: Sequence[ScanError]) -> None:
    """The baseline is written (a failed file keeps its text-detector findings), but a file
    the detectors failed on may hold findings the baseline lacks: exit 3, as `scan` does."""
    for error in errors:
        click.echo(f"secretcheck: scan error: {error.path}: {error.message}", err=True)
    if errors:
        sys.exit(EXIT_SCAN_FAILED)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--since", metavar="REV", default=None, help="Only commits after REV.")
@click.option("--all-branches", is_flag=True, help="Every ref (branches, tags, remotes), not HEAD.")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write the report to FILE instead of standard output.",
)
@click.option(
    "--fail-on",
    type=click.Choice(SEVERITIES),
    default=None,
    help="Lowest severity that fails the run (default: low).",
)
@click.option("--select", multiple=True, help="Only these rule codes or prefixes.")
@click.option("--ignore", multiple=True, help="Skip these rule codes or prefixes.")
@_config_option
@_exclude_option
@_jobs_option
@_rule_path_option
@click.option("--color/--no-color", default=None, help="Colour the text report.")
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
) -> None:
    """Find every secret ever committed, removed or not.

    Scans the lines each commit added to PATHS (default: the whole repository). Exits 1 if any
    secret is found, even one removed since: removing a secret does not revoke it."""
    from pathlib import Path

    from secretcheck.api import load_rules
    from secretcheck.gitlog import count_commits
    from secretcheck.history import scan_history
    from secretcheck.report.history import ROTATE, render_json, render_text

    try:
        settings = _common_settings(
            paths,
            config_file,
            exclude,
            rule_path,
            jobs=jobs,
            select=_split_codes(select),
            ignore=_split_codes(ignore),
            fail_on=Severity.parse(fail_on) if fail_on else None,
        )
        load_rules(settings)
        if sys.stderr.isatty():
            total = count_commits(Path.cwd(), since, all_branches, settings.paths)
            with click.progressbar(length=total, label="commits", file=sys.stderr) as bar:
                result = scan_history(settings, since, all_branches, on_commit=bar.update)
        else:
            result = scan_history(settings, since, all_branches)
    except SecretcheckError as exc:
        _fail(str(exc))
        return
    use_color = color if color is not None else (output is None and sys.stdout.isatty())
    if fmt == "json":
        report = render_json(result, settings.fail_on)
    else:
        report = render_text(result, settings.fail_on, use_color)
    if output:
        try:
            with open_text_for_writing(output) as handle:
                handle.write(report)
        except OSError as exc:
            _fail(f"cannot write {output}: {exc.strerror}")
    else:
        click.echo(report, nl=False)
    failing = result.failing(settings.fail_on)
    if failing and (fmt != "text" or output):
        click.echo(f"secretcheck: {len(failing)} secret(s) in history. {ROTATE}", err=True)
    for error in result.errors:
        click.echo(f"secretcheck: scan error: {error}", err=True)
    if result.errors:
        sys.exit(EXIT_SCAN_FAILED)
    sys.exit(EXIT_FINDINGS if failing else EXIT_CLEAN)


# `grade` only: the report was written, but at least one submission could not be graded at
# all (an error row: corrupt or encrypted archive, unreadable folder). The rest are ranked.
EXIT_NOT_ALL_GRADED = 3


def _terminate_cleanly(signum: int, frame: object) -> None:
    """SIGTERM unwinds like Ctrl-C, so `finally` blocks remove unpacked submissions."""
    sys.exit(128 + signum)


@main.command()
@click.argument("submissions", nargs=-1, required=True, type=click.Path())
@click.option(
    "--format",
    "fmt",
    # grading.render.FORMATS, spelled out: importing grading here would cost every command
    # ~0.5 s of start-up (tests/grading/test_grade_render.py keeps the two equal)
    type=click.Choice(("text", "json", "markdown", "html", "csv")),
    default="text",
    show_default=True,
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to FILE.")
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
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=None, help="Worker processes.")
def grade(
    submissions: tuple[str, ...],
    fmt: str,
    output: str | None,
    batch: bool,
    rubric_file: str | None,
    base: str | None,
    jobs: int | None,
) -> None:
    """Score take-home SUBMISSIONS (folders, git repositories, archives) on security habits.

    Submissions are only read: nothing in them is imported, executed or installed. The
    submission's own secretcheck config is ignored; the rubric decides. A submission that
    cannot be read becomes an error row and the rest are graded: exit 3 when one or more
    could not be graded (the report is still written), 2 when grading could not start.
    """
    import signal
    from pathlib import Path

    from secretcheck.grading.grade import grade_paths
    from secretcheck.grading.legend import report_info
    from secretcheck.grading.render import get_grade_renderer
    from secretcheck.grading.rubric import load_rubric
    from secretcheck.grading.submission import batch_base, batch_members
    from secretcheck.settings import Settings

    previous = signal.signal(signal.SIGTERM, _terminate_cleanly)
    try:
        rubric = load_rubric(rubric_file)
        paths = [Path(s) for s in submissions]
        if batch:
            base = base or next((b for p in paths if (b := batch_base(p))), None)
            paths = [member for p in paths for member in batch_members(p)]
        elif len(paths) == 1 and not paths[0].exists():
            _fail(f"submission does not exist: {paths[0]}")
        settings = Settings(jobs=jobs or 0, use_cache=False)
        if sys.stderr.isatty() and len(paths) > 1:
            with click.progressbar(length=len(paths), label="grading", file=sys.stderr) as bar:
                grades = grade_paths(
                    paths, rubric, settings, base=base, jobs=jobs, on_done=lambda g: bar.update(1)
                )
        else:
            grades = grade_paths(paths, rubric, settings, base=base, jobs=jobs)
    except SecretcheckError as exc:
        _fail(str(exc))
        return
    finally:
        signal.signal(signal.SIGTERM, previous)
    if len(grades) == 1 and grades[0].error:  # nothing to rank: a plain error, as before
        _fail(grades[0].error)
    report = get_grade_renderer(fmt)(grades, report_info(rubric))
    if output:
        try:
            with open_text_for_writing(output) as handle:
                handle.write(report)
        except OSError as exc:
            _fail(f"cannot write {output}: {exc.strerror}")
    else:
        click.echo(report, nl=False)
    failed = [g for g in grades if g.error]
    for g in failed:
        click.echo(f"secretcheck: not graded: {g.name}: {g.error}", err=True)
    sys.exit(EXIT_NOT_ALL_GRADED if failed else EXIT_CLEAN)
