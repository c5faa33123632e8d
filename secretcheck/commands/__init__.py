"""The command-line interface: one module per command, registered on one group.

Each command turns options into `Settings`, calls the library (`api`, `runner`, `history`,
`grading`), writes its report with `output.write_report` and chooses the exit code; the
library below never prints or exits. Exit codes: 0 nothing at or above --fail-on; 1 findings
at or above it, or a file that could not be read (it may hide a secret); 2 a usage, config or
rule-pack error, reported in one line.
"""

from __future__ import annotations

import click

from secretcheck import __version__
from secretcheck.commands.baseline import baseline_group
from secretcheck.commands.grade import grade
from secretcheck.commands.history import history
from secretcheck.commands.init import init
from secretcheck.commands.rules import rules
from secretcheck.commands.scan import scan
from secretcheck.commands.triage import baseline_audit, baseline_import, baseline_list


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="secretcheck")
def main() -> None:
    """Find hard-coded secrets and unsafe input handling in Python projects."""


for _command in (scan, rules, baseline_group, history, grade, init):
    main.add_command(_command)
for _command in (baseline_list, baseline_audit, baseline_import):
    baseline_group.add_command(_command)
