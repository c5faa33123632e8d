"""`secretcheck rules` and `rules show CODE`: the catalogue, with the configured packs' rules."""

from __future__ import annotations

import click

from secretcheck.commands import options as opt
from secretcheck.commands.common import common_settings, fail
from secretcheck.errors import SecretcheckError
from secretcheck.rulepacks import Catalogue, load_catalogue


def _catalogue(config_file: str | None, rule_path: tuple[str, ...]) -> Catalogue:
    """The built-in rules plus those of the config's `rule-paths` and --rule-path: the list a
    scan in this folder would run, not only the built-in one."""
    try:
        settings = common_settings((".",), config_file, (), rule_path)
        return load_catalogue(settings.rule_paths)
    except SecretcheckError as exc:
        fail(str(exc))


@click.group(invoke_without_command=True)
@opt.config_option
@opt.rule_path_option
@click.pass_context
def rules(ctx: click.Context, config_file: str | None, rule_path: tuple[str, ...]) -> None:
    """List the rule catalogue (code, name, severity, CWE, summary)."""
    ctx.obj = (config_file, rule_path)
    if ctx.invoked_subcommand is not None:
        return
    for rule in _catalogue(config_file, rule_path).active():
        click.echo(
            f"{rule.code}  {rule.name:<40} {rule.severity.label:<8} {rule.cwe:<9} {rule.summary}"
        )


@rules.command("show")
@click.argument("code")
@click.pass_context
def rules_show(ctx: click.Context, code: str) -> None:
    """Print the documentation of rule CODE."""
    from secretcheck.report.sarif import rule_markdown

    config_file, rule_path = ctx.obj or (None, ())
    rule = _catalogue(config_file, rule_path).get(code)
    if rule is None:
        fail(f"no rule {code!r}; `secretcheck rules` lists them")
    click.echo(f"{rule.code} {rule.name}")
    click.echo(
        f"category: {rule.category}  cwe: {rule.cwe}  severity: {rule.severity.label}"
        f"  confidence: {rule.confidence.label}"
    )
    click.echo()
    click.echo(rule_markdown(rule).split("\n", 2)[2])
