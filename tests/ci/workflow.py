"""Run the shell steps of our CI files (action.yml, the GitLab template) for real, with bash.

Only what those steps use of each CI system's expression language is implemented: a
`${{ a.b.c }}` reference is looked up in a context dict, and a reference the test did not
provide is an error, so a renamed input or output fails the test instead of running with "".
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
EXPRESSION = re.compile(r"\$\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}")


def load_yaml(name: str) -> Any:
    return yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))


def substitute(text: str, context: Mapping[str, str]) -> str:
    def lookup(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in context:
            raise KeyError(f"the test gives no value for ${{{{ {key} }}}}")
        return context[key]

    return EXPRESSION.sub(lookup, text)


def read_outputs(path: Path) -> dict[str, str]:
    """`name=value` lines of $GITHUB_OUTPUT (the steps write no multi-line values)."""
    pairs = (line.partition("=") for line in path.read_text(encoding="utf-8").splitlines())
    return {name: value for name, _, value in pairs if name}


def bash(
    script: str, cwd: Path, env: Mapping[str, str], *flags: str
) -> subprocess.CompletedProcess[str]:
    """Run `script` with bash in `cwd`: the runner's environment plus `env`, git identity fixed."""
    full = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.invalid",
        **env,
    }  # fmt: skip
    return subprocess.run(
        ["bash", *flags, "-c", script], cwd=cwd, env=full, capture_output=True, text=True,
        timeout=600,
    )
