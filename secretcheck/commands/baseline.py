"""`secretcheck baseline create|update`: accept today's findings so that only new ones fail."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import click

from secretcheck.commands import options as opt
from secretcheck.commands.common import common_settings, fail
from secretcheck.commands.output import Console
from secretcheck.errors import SecretcheckError
from secretcheck.findings import Finding


@click.group("baseline")
def baseline_group() -> None:
    """Accept today's findings so that only new ones fail."""


@baseline_group.command("create")
@opt.paths_argument
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="Baseline file (default: config 'baseline' or .secretcheck-baseline.json).",
)
@opt.scope_options
@opt.verbosity_options
def baseline_create(
    paths: tuple[str, ...],
    output: str | None,
    config_file: str | None,
    exclude: tuple[str, ...],
    jobs: int | None,
    rule_path: tuple[str, ...],
    quiet: int,
    verbose: int,
) -> None:
    """Write a baseline accepting every current finding.

    Scans PATHS (default: the current directory). The salt of an existing baseline is kept, so
    an unchanged tree gives a byte-identical file."""
    from secretcheck import baseline as bl
    from secretcheck.runner import scan_tree

    console = Console(quiet, verbose)
    try:
        settings = common_settings(paths, config_file, exclude, rule_path, jobs=jobs)
        target = output or settings.baseline or bl.DEFAULT_BASELINE
        salt = bl.existing_salt(target)
        if salt is None and os.path.lexists(target) and not bl.is_empty_file(target):
            fail(f"{target} exists and is not a secretcheck baseline; not overwriting it")
        with console.progress("files") as progress:
            result, _ = scan_tree(replace(settings, baseline=""), progress)
        base_dir = Path(os.path.abspath(target)).parent
        made = bl.build(result.findings, salt or bl.new_salt(), base_dir)
        if salt is not None:  # verdicts recorded by `baseline audit` survive a re-create
            made = bl.carry_triage(bl.load(target), made)
        bl.write(target, made)
    except SecretcheckError as exc:
        fail(str(exc))
    console.note(f"wrote {len(made.entries)} baseline entries to {target}")
    warn_alarming(console, result.findings)


def warn_alarming(console: Console, findings: tuple[Finding, ...]) -> None:
    """A baseline that accepts a critical or checksum-valid secret says so, naming each one
    (redacted): accepting is not rotating."""
    from secretcheck.triage import alarming

    found = alarming(findings)
    if not found:
        return
    lines = [f"warning: the baseline accepts {len(found)} critical or validated secret(s):"]
    lines += [f"  {f.path}:{f.span.line} {f.rule_id} {f.severity.label} {f.snippet}" for f in found]
    lines.append(
        "  a baseline hides them from future runs but does not revoke them: rotate each at its "
        "provider, then `secretcheck baseline audit` to record the verdict"
    )
    console.warn("\n".join(lines))


@baseline_group.command("update")
@opt.paths_argument
@click.option(
    "-b",
    "--baseline",
    "baseline_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="Baseline file (default: config 'baseline' or .secretcheck-baseline.json).",
)
@opt.scope_options
@opt.verbosity_options
def baseline_update(
    paths: tuple[str, ...],
    baseline_file: str | None,
    config_file: str | None,
    exclude: tuple[str, ...],
    jobs: int | None,
    rule_path: tuple[str, ...],
    quiet: int,
    verbose: int,
) -> None:
    """Re-scan and accept what is there now.

    New findings in PATHS are added and stale entries dropped; entries of files outside PATHS
    are kept while those files exist."""
    from secretcheck import baseline as bl
    from secretcheck.runner import scan_tree

    console = Console(quiet, verbose)
    try:
        settings = common_settings(paths, config_file, exclude, rule_path, jobs=jobs)
        target = baseline_file or settings.baseline or bl.DEFAULT_BASELINE
        old = bl.load(target)
        with console.progress("files") as progress:
            result, scanned = scan_tree(replace(settings, baseline=""), progress)
        made = bl.updated(old, result.findings, scanned, Path(os.path.abspath(target)).parent)
        bl.write(target, made)
    except SecretcheckError as exc:
        fail(str(exc))
    added = len(set(made.entries) - set(old.entries))
    dropped = len(set(old.entries) - set(made.entries))
    console.note(f"{target}: {len(made.entries)} entries ({added} added, {dropped} removed)")
