"""`secretcheck init`: a commented config block and a pre-commit hook, for a first adoption.

Nothing that exists is overwritten or edited: a project that already has a `[tool.secretcheck]`
table, a `.secretcheck.toml` or a `.pre-commit-config.yaml` gets the snippet printed to add by
hand instead (merging into someone's YAML or TOML by text is how files get broken).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from secretcheck.commands import options as opt
from secretcheck.commands.common import EXIT_CLEAN
from secretcheck.commands.output import Console

CONFIG_BLOCK = """
[tool.secretcheck]
# Every key is optional; the values shown commented out are the defaults.
# Rule codes or prefixes to run, and to skip (`secretcheck rules` lists them):
# select = ["ALL"]
# ignore = []
# Paths to skip (a glob matches a path or any parent folder):
# exclude = ["docs/_build", "*.min.js"]
# Rules not to run on some files:
# per-file-ignores = { "tests/**" = ["SC401", "SC402"] }
# Lowest severity that fails a run: info, low, medium, high, critical.
# fail-on = "low"
# Findings accepted as existing debt (`secretcheck baseline create` writes it):
# baseline = ".secretcheck-baseline.json"
# bandit's `# nosec` and gitleaks' `gitleaks:allow` comments suppress findings:
# honor-nosec = true
# honor-gitleaks-allow = true
"""

PRE_COMMIT_HOOK = """\
  # secretcheck from this environment (pip install secretcheck-py). To pin the published hook
  # instead, use `repo: https://github.com/secretcheck/secretcheck` with `rev:` a commit sha,
  # then `pre-commit autoupdate`.
  - repo: local
    hooks:
      - id: secretcheck
        name: secretcheck
        entry: secretcheck scan --staged --force-exclude
        language: system
        types: [text]
"""


def _config(root: Path, console: Console) -> None:
    pyproject, dotfile = root / "pyproject.toml", root / ".secretcheck.toml"
    if dotfile.exists():
        console.warn(f"{dotfile.name} exists; left as it is")
        return
    if pyproject.exists():
        text = pyproject.read_text(encoding="utf-8")
        if "[tool.secretcheck]" in text:
            console.warn("pyproject.toml already has [tool.secretcheck]; left as it is")
            return
        with pyproject.open("a", encoding="utf-8") as handle:
            handle.write(("" if text.endswith("\n") or not text else "\n") + CONFIG_BLOCK)
        console.note("added a commented [tool.secretcheck] table to pyproject.toml")
        return
    dotfile.write_text(CONFIG_BLOCK.lstrip("\n"), encoding="utf-8")
    console.note(f"wrote {dotfile.name}")


def _pre_commit(root: Path, console: Console) -> None:
    target = root / ".pre-commit-config.yaml"
    if not target.exists():
        target.write_text("repos:\n" + PRE_COMMIT_HOOK, encoding="utf-8")
        console.note(f"wrote {target.name}; run `pre-commit install` to enable the hook")
        return
    if "secretcheck" in target.read_text(encoding="utf-8", errors="replace"):
        console.warn(f"{target.name} already mentions secretcheck; left as it is")
        return
    console.warn(f"{target.name} exists; add this under `repos:` by hand:\n{PRE_COMMIT_HOOK}")


@click.command()
@click.argument("folder", default=".", type=click.Path(file_okay=False, exists=True))
@opt.verbosity_options
def init(folder: str, quiet: int, verbose: int) -> None:
    """Add a commented secretcheck config and a pre-commit hook to FOLDER (default: here).

    Existing files are never overwritten: what cannot be added is printed instead."""
    console = Console(quiet, verbose)
    root = Path(folder)
    _config(root, console)
    _pre_commit(root, console)
    sys.exit(EXIT_CLEAN)
