"""The command-line interface: one module per command, registered on one group.

Each command turns options into `Settings`, calls the library (`api`, `runner`, `history`,
`grading`), writes its report with `output.write_report` and chooses the exit code; the
library below never prints or exits. Exit codes: 0 nothing at or above --fail-on; 1 findings
at or above it, or a file that could not be read (it may hide a secret); 2 a usage, config or
rule-pack error, reported in one line.

A command's module is imported when that command is asked for (`LazyGroup`): the pre-commit
hook runs `scan` on a file or two, and building every other command's options and importing
their modules was a few milliseconds of each such run.
"""

from __future__ import annotations

import importlib

import click

from secretcheck import __version__

# name -> "module:attribute" of each top-level command, in the order `--help` lists them.
COMMANDS = {
    "scan": "secretcheck.commands.scan:scan",
    "rules": "secretcheck.commands.rules:rules",
    "baseline": "secretcheck.commands:_baseline_with_triage",
    "history": "secretcheck.commands.history:history",
    "grade": "secretcheck.commands.grade:grade",
    "init": "secretcheck.commands.init:init",
    "fleet": "secretcheck.fleet.command:fleet",  # its own package: runner, executor, reports
}


def _baseline_with_triage() -> click.Command:
    """`baseline` and the triage subcommands that live in their own module."""
    from secretcheck.commands.baseline import baseline_group
    from secretcheck.commands.triage import baseline_audit, baseline_import, baseline_list

    for command in (baseline_list, baseline_audit, baseline_import):
        baseline_group.add_command(command)
    return baseline_group


class LazyGroup(click.Group):
    """A group whose commands (`COMMANDS`) are imported when first looked up."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*COMMANDS, *self.commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            module, _, attribute = COMMANDS[cmd_name].partition(":")
            found = getattr(importlib.import_module(module), attribute)
            command: click.Command = found() if attribute.startswith("_") else found
            self.add_command(command, cmd_name)
        return self.commands.get(cmd_name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="secretcheck")
def main() -> None:
    """Find hard-coded secrets and unsafe input handling in Python projects."""
