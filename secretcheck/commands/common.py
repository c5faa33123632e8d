"""What every command shares: exit codes, the one error exit, and building `Settings` from
the common flags (so `scan`, `history` and `baseline` agree on what a flag means)."""

from __future__ import annotations

import sys
from dataclasses import replace
from typing import Any, NoReturn

import click

from secretcheck.findings import Severity
from secretcheck.settings import CODE_SELECTOR, Settings, build_settings

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR, EXIT_SCAN_FAILED = 0, 1, 2, 3


def fail(message: str) -> NoReturn:
    """The one way a command stops on a usage, config or rule-pack error: one line, exit 2."""
    click.echo(f"secretcheck: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def split_codes(flag: str, values: tuple[str, ...]) -> tuple[str, ...]:
    """`--select SC1,SC301 --select SC4` -> ("SC1", "SC301", "SC4"); as in the config file, a
    mistyped code must not quietly select nothing (a clean run)."""
    codes = tuple(c.strip().upper() for v in values for c in v.split(",") if c.strip())
    bad = [c for c in codes if not CODE_SELECTOR.match(c)]
    if bad:
        fail(f"{flag}: {bad[0]!r} is not a rule code or prefix (SC101, SC1, ALL)")
    return codes


def with_rule_paths(settings: Settings, rule_paths: tuple[str, ...]) -> Settings:
    """Add the folders the user named with --rule-path to the config's (never in place of)."""
    if not rule_paths:
        return settings
    return replace(settings, rule_paths=settings.rule_paths + tuple(rule_paths))


def common_settings(
    paths: tuple[str, ...],
    config_file: str | None,
    exclude: tuple[str, ...] = (),
    rule_paths: tuple[str, ...] = (),
    **flags: Any,
) -> Settings:
    """Settings from defaults < config file < these flags (None: not given on the command line)."""
    settings = with_rule_paths(build_settings(paths or (".",), config_file, flags), rule_paths)
    return settings.with_extra_excludes(exclude) if exclude else settings


def rule_flags(
    select: tuple[str, ...], ignore: tuple[str, ...], fail_on: str | None
) -> dict[str, Any]:
    """The overrides of --select/--ignore/--fail-on, as `build_settings` takes them."""
    return {
        "select": split_codes("--select", select),
        "ignore": split_codes("--ignore", ignore),
        "fail_on": Severity.parse(fail_on) if fail_on else None,
    }
