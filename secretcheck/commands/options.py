"""Shared option decorators: an option every command takes is declared once, here, so its
name, help and default cannot drift between `scan`, `history` and `baseline`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from secretcheck.findings import Severity

F = TypeVar("F", bound=Callable[..., Any])
SEVERITIES = [s.label for s in Severity]


def _stack(*decorators: Callable[[F], F]) -> Callable[[F], F]:
    def apply(func: F) -> F:
        for decorator in reversed(decorators):
            func = decorator(func)
        return func

    return apply


paths_argument = click.argument("paths", nargs=-1, type=click.Path())

config_option = click.option(
    "--config",
    "config_file",
    type=click.Path(),
    default=None,
    help="Config file (default: nearest .secretcheck.toml or pyproject.toml).",
)
exclude_option = click.option(
    "--exclude", multiple=True, help="Skip paths matching this glob (repeatable)."
)
jobs_option = click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=None,
    help="Worker processes (0: one per core).",
)
rule_path_option = click.option(
    "--rule-path",
    "rule_path",
    multiple=True,
    type=click.Path(),
    help="An extra rule-pack folder, even outside the project (repeatable). A config "
    "file's rule-paths must stay inside its own folder.",
)
select_options = _stack(
    click.option("--select", multiple=True, help="Only these rule codes or prefixes (SC1,SC301)."),
    click.option("--ignore", multiple=True, help="Skip these rule codes or prefixes."),
)
fail_on_option = click.option(
    "--fail-on",
    type=click.Choice(SEVERITIES),
    default=None,
    help="Lowest severity that fails the run (default: low; config: fail-on).",
)
output_option = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write the report to FILE instead of standard output.",
)
color_option = click.option(
    "--color/--no-color",
    default=None,
    help="Colour the text report (default: on a TTY, off with NO_COLOR, on with FORCE_COLOR).",
)
verbosity_options = _stack(
    click.option("-q", "--quiet", count=True, help="Less on stderr: no progress, hints or notes."),
    click.option("-v", "--verbose", count=True, help="More on stderr: settings and skipped files."),
)


def format_option(choices: Sequence[str], default: str = "text") -> Callable[[F], F]:
    """`--format`, its choices taken from a renderer registry's keys."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(tuple(choices)),
        default=default,
        show_default=True,
        help="Report format.",
    )


# The flags that pick the files and rules of a scan: scan, history and baseline share them.
scope_options = _stack(config_option, exclude_option, jobs_option, rule_path_option)


def execution_options(unit: str, time_limit: float) -> Callable[[F], F]:
    """Where tasks run and what each may use: one set of options for `fleet` and `grade`,
    which share the execution layer (`secretcheck.fleet.executor`); `unit` names a task."""
    return _stack(
        click.option(
            "--executor",
            type=click.Choice(("local", "dask")),
            default="local",
            show_default=True,
            help="local: threads driving child processes here; dask: a "
            "Dask cluster (needs the [dask] extra).",
        ),
        click.option(
            "--scheduler", metavar="ADDRESS", help="Dask scheduler address (tcp://host:8786)."
        ),
        click.option(
            "--time-limit",
            type=click.FloatRange(min=0, min_open=True),
            default=time_limit,
            show_default=True,
            help=f"Seconds per {unit}, cloning or unpacking included.",
        ),
        click.option(
            "--memory-limit",
            type=click.IntRange(min=0),
            default=4096,
            show_default=True,
            help=f"MB of address space per {unit}'s process (0: no cap).",
        ),
        click.option(
            "--retries",
            type=click.IntRange(0, 5),
            default=1,
            show_default=True,
            help="Extra attempts for a task whose process or worker died (not on timeout).",
        ),
    )
