"""`secretcheck baseline list|audit|import`: see, judge and migrate what a baseline accepts.

`audit` asks, for each entry not yet judged: y (a real secret, accepted until rotated), n (a
false positive), s (skip) or q (quit, keeping the verdicts given so far), then a reason. It
reads answers from stdin, so a script or a test can drive it. Who is `git config user.email`
(else $USER) unless --by is given; when is today's UTC date. Nothing but the verdict, the
reason, who and when is added to the file, and an audit that changes nothing leaves it
byte-identical.
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
import subprocess
import sys

import click

from secretcheck import baseline as bl
from secretcheck.commands import options as opt
from secretcheck.commands.common import EXIT_CLEAN, common_settings, fail
from secretcheck.commands.output import Console
from secretcheck.errors import SecretcheckError

_baseline_option = click.option(
    "-b",
    "--baseline",
    "baseline_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="Baseline file (default: config 'baseline' or .secretcheck-baseline.json).",
)


def _who() -> str:
    try:
        done = subprocess.run(
            ["git", "config", "user.email"], capture_output=True, text=True, timeout=10
        )
        if done.returncode == 0 and done.stdout.strip():
            return done.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


@click.command("list")
@_baseline_option
@opt.config_option
@opt.rule_path_option
def baseline_list(
    baseline_file: str | None, config_file: str | None, rule_path: tuple[str, ...]
) -> None:
    """Show each baseline entry: status, rule, path:line and the redacted snippet."""
    from secretcheck.triage import show_entries

    try:
        settings = common_settings((".",), config_file, (), rule_path)
        target = baseline_file or settings.baseline or bl.DEFAULT_BASELINE
        shown = show_entries(bl.load(target), target, settings)
    except SecretcheckError as exc:
        fail(str(exc))
    for item in shown:
        e, f = item.entry, item.finding
        where = f"{e.path}:{f.span.line}" if f else e.path
        snippet = f"  {f.snippet}" if f else ""
        reason = f"  ({e.reason})" if e.reason else ""
        click.echo(f"{item.status:<15} {e.rule_id:<7} {where}{snippet}{reason}")
    counts = {s: sum(1 for i in shown if i.status == s) for s in ("unaudited", "stale")}
    click.echo(f"{len(shown)} entries: {counts['unaudited']} unaudited, {counts['stale']} stale")
    sys.exit(EXIT_CLEAN)


@click.command("audit")
@_baseline_option
@opt.config_option
@opt.rule_path_option
@click.option("--by", "who", default=None, help="Who audits (default: git user.email).")
@click.option("--all", "redo", is_flag=True, help="Ask about audited entries too.")
def baseline_audit(
    baseline_file: str | None,
    config_file: str | None,
    rule_path: tuple[str, ...],
    who: str | None,
    redo: bool,
) -> None:
    """Triage each unaudited entry: real secret (y), false positive (n), skip (s), quit (q)."""
    from secretcheck.triage import show_entries, with_verdict

    try:
        settings = common_settings((".",), config_file, (), rule_path)
        target = baseline_file or settings.baseline or bl.DEFAULT_BASELINE
        current = bl.load(target)
        shown = show_entries(current, target, settings)
    except SecretcheckError as exc:
        fail(str(exc))
    who = who or _who()
    today = dt.datetime.now(dt.timezone.utc).date().isoformat()
    decided: dict[bl.Entry, bl.Entry] = {}
    for item in shown:
        e, f = item.entry, item.finding
        if f is None or (e.verdict and not redo):
            continue
        click.echo(f"{e.rule_id} {f.rule_name}  {e.path}:{f.span.line}  [{item.status}]")
        click.echo(f"    {f.snippet}")
        answer = click.prompt(
            "real secret (y), false positive (n), skip (s), quit (q)",
            type=click.Choice(["y", "n", "s", "q"]),
            show_choices=False,
        )
        if answer == "q":
            break
        if answer == "s":
            continue
        reason = click.prompt("reason", default="", show_default=False)
        verdict = "true-positive" if answer == "y" else "false-positive"
        decided[e] = with_verdict(e, verdict, reason, who, today)
    if decided:
        entries = tuple(decided.get(e, e) for e in current.entries)
        try:
            bl.write(target, bl.Baseline(current.salt, entries))
        except SecretcheckError as exc:
            fail(str(exc))
    Console().note(f"{target}: {len(decided)} verdict(s) recorded")
    sys.exit(EXIT_CLEAN)


@click.command("import")
@click.argument("source", type=click.Path(dir_okay=False, exists=True))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="Baseline to write (default: config 'baseline' or .secretcheck-baseline.json).",
)
@opt.config_option
@opt.rule_path_option
def baseline_import(
    source: str, output: str | None, config_file: str | None, rule_path: tuple[str, ...]
) -> None:
    """Import a detect-secrets SOURCE (.secrets.baseline) as a secretcheck baseline.

    The files it names are scanned; a finding whose secret has the SHA-1 detect-secrets
    recorded becomes an entry, with its is_secret flag as the verdict."""
    from secretcheck.triage import import_detect_secrets

    try:
        settings = common_settings((".",), config_file, (), rule_path)
        target = output or settings.baseline or bl.DEFAULT_BASELINE
        if os.path.lexists(target) and bl.existing_salt(target) is None:
            fail(f"{target} exists and is not a secretcheck baseline; not overwriting it")
        salt = bl.existing_salt(target) or bl.new_salt()
        made, imported, missing = import_detect_secrets(source, target, settings, salt)
        bl.write(target, made)
    except SecretcheckError as exc:
        fail(str(exc))
    Console().note(
        f"wrote {imported} entries to {target}; {missing} detect-secrets entries matched no "
        "secretcheck finding (not imported)"
    )
    sys.exit(EXIT_CLEAN)
