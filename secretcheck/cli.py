"""Command-line wiring only: options -> Settings -> api -> renderer -> exit code.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it, or a file that could not
be read (it may hide a secret); 2 a usage, config or rule-pack error, reported in one line.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from secretcheck import __version__
from secretcheck.errors import SecretcheckError
from secretcheck.findings import Severity
from secretcheck.report import FORMATS, get_renderer
from secretcheck.rulepacks import load_catalogue
from secretcheck.settings import CODE_SELECTOR, build_settings

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SEVERITIES = [s.label for s in Severity]


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
    "--color/--no-color", default=None, help="Colour the text report (default: on a TTY)."
)
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
    color: bool | None,
) -> None:
    """Scan PATHS (default: the current directory) and report findings."""
    from secretcheck.api import scan_paths

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
        "use_cache": False if no_cache else None,
    }
    try:
        settings = build_settings(paths or (".",), config_file, overrides)
        if exclude:
            settings = settings.with_extra_excludes(exclude)
        result = scan_paths(settings)
        catalogue = load_catalogue(settings.rule_paths)
    except SecretcheckError as exc:
        _fail(str(exc))
        return
    use_color = color if color is not None else (output is None and sys.stdout.isatty())
    report = get_renderer(fmt)(result, catalogue, settings.fail_on, use_color)
    if output:
        try:
            # surrogateescape: a non-UTF-8 file name is written as its own bytes, as on stdout.
            with open(output, "w", encoding="utf-8", errors="surrogateescape") as handle:
                handle.write(report)
        except OSError as exc:
            _fail(f"cannot write {output}: {exc.strerror}")
    else:
        # color= keeps the styles that --color asked for when stdout is not a terminal.
        click.echo(report, nl=False, color=use_color)
    for error in result.errors:
        click.echo(f"secretcheck: could not read {error.path}: {error.message}", err=True)
    failed = bool(result.failing(settings.fail_on)) or bool(result.errors)
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
