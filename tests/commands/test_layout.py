"""The CLI's own house: one module per command, small modules, one runner, no import cycle,
format choices taken from the renderer registries."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import click
import pytest

import secretcheck
from secretcheck.commands import main
from secretcheck.grading.render import RENDERERS as GRADE_RENDERERS
from secretcheck.report import RENDERERS
from secretcheck.report.history import HISTORY_RENDERERS

PACKAGE = Path(secretcheck.__file__).parent


def _imports(module: Path) -> set[str]:
    """Every `secretcheck.*` module `module` imports, at top level or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("secretcheck"):
            found.add(str(node.module))
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("secretcheck"))
    return found


def test_cli_module_is_a_thin_entry_point() -> None:
    assert len((PACKAGE / "cli.py").read_text().splitlines()) < 150


COMMAND_MODULES = sorted((PACKAGE / "commands").glob("*.py"))


@pytest.mark.parametrize("module", COMMAND_MODULES, ids=lambda p: p.name)
def test_no_cli_module_over_300_lines(module: Path) -> None:
    assert len(module.read_text().splitlines()) <= 300


def test_api_and_gitscan_do_not_import_each_other() -> None:
    assert "secretcheck.api" not in _imports(PACKAGE / "gitscan.py")
    assert "secretcheck.api" not in _imports(PACKAGE / "history.py")
    assert "secretcheck.api" not in _imports(PACKAGE / "grading" / "grade.py")


def test_runner_imports_none_of_its_callers() -> None:
    callers = {"secretcheck.api", "secretcheck.gitscan", "secretcheck.history",
               "secretcheck.grading.grade", "secretcheck.commands", "secretcheck.cli"}  # fmt: skip
    assert not _imports(PACKAGE / "runner.py") & callers


def test_only_the_runner_starts_a_process_pool() -> None:
    users = sorted(
        str(p.relative_to(PACKAGE))
        for p in PACKAGE.rglob("*.py")
        if "ProcessPoolExecutor(" in p.read_text(encoding="utf-8")
    )
    assert users == ["runner.py"]


def commands() -> dict[str, click.Command]:
    """Every command of the group; they are imported when looked up (`LazyGroup`)."""
    ctx = click.Context(main)
    found = {name: main.get_command(ctx, name) for name in main.list_commands(ctx)}
    return {name: command for name, command in found.items() if command is not None}


def test_each_command_lives_in_its_own_module() -> None:
    modules = {name: cmd.callback.__module__ for name, cmd in commands().items()}  # type: ignore[union-attr]
    assert modules["scan"] == "secretcheck.commands.scan"
    assert modules["history"] == "secretcheck.commands.history"
    assert modules["baseline"] == "secretcheck.commands.baseline"
    assert modules["grade"] == "secretcheck.commands.grade"
    assert modules["rules"] == "secretcheck.commands.rules"


def _format_choices(command: click.Command) -> tuple[str, ...]:
    option = next(p for p in command.params if p.name == "fmt")
    assert isinstance(option.type, click.Choice)
    return tuple(option.type.choices)


def test_format_choices_come_from_the_registries() -> None:
    assert _format_choices(commands()["scan"]) == tuple(RENDERERS)
    assert _format_choices(commands()["history"]) == tuple(HISTORY_RENDERERS)
    assert _format_choices(commands()["grade"]) == tuple(GRADE_RENDERERS)


def test_every_command_is_listed_and_loads() -> None:
    assert set(commands()) == {"scan", "rules", "baseline", "history", "grade", "init", "fleet"}
    baseline = commands()["baseline"]
    assert isinstance(baseline, click.Group)
    assert set(baseline.commands) == {"create", "update", "list", "audit", "import"}


def test_a_scan_imports_no_other_command() -> None:
    """Commands load when asked for: `scan` (the pre-commit hook) builds no other."""
    code = (
        "import sys\nfrom secretcheck.cli import main\n"
        "try:\n    main(['scan', '--no-cache', '--format', 'json', sys.argv[1]])\n"
        "except SystemExit as done:\n    assert done.code == 0, done.code\n"
        "print(sorted(m for m in sys.modules if m.startswith(('secretcheck.commands.',"
        " 'secretcheck.fleet'))))"
    )
    clean = PACKAGE / "errors.py"
    done = subprocess.run([sys.executable, "-c", code, str(clean)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    loaded = set(ast.literal_eval(done.stdout.strip().splitlines()[-1]))
    assert "secretcheck.commands.scan" in loaded
    others = {"baseline", "triage", "grade", "history", "init", "rules"}
    assert not {f"secretcheck.commands.{n}" for n in others} & loaded
    assert not {m for m in loaded if m.startswith("secretcheck.fleet")}


def test_importing_the_cli_imports_no_cycle() -> None:
    # A fresh interpreter importing each layer first, alone: a cycle would fail one of them.
    for module in ("secretcheck.gitscan", "secretcheck.runner", "secretcheck.api",
                   "secretcheck.history", "secretcheck.cli"):  # fmt: skip
        done = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True)
        assert done.returncode == 0, done.stderr.decode()
