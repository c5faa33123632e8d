"""Every command of docs/ci.md's `console` blocks runs, in order, in one scratch repository.

The repository holds two planted fake secrets (built at run time), a detect-secrets baseline and
a history ignore file, so each documented command has something to act on. A `toml` block that
names `.secretcheck.toml` is applied to that file where it appears, as a reader would. Each
command must exit 0 or 1 (findings), print no error, and no output may hold a secret.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import git, write_tree

from secretcheck.examples import expand
from tests.ci.workflow import ROOT, bash

TOKEN = expand("{{crc_token:ghp}}", "docs-token")
PASSWORD = expand("{{alnum:24}}", "docs-password")
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _scratch_repo(repo: Path) -> None:
    write_tree(repo, {"app.py": f'TOKEN = "{TOKEN}"\n',
                      "tests/test_api.py": f'db_password = "{PASSWORD}"\n'})  # fmt: skip
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "secrets")
    write_tree(repo, {"README.md": "# demo\n"})
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "readme")
    git(repo, "update-ref", "refs/remotes/origin/main", "HEAD")
    made = bash("detect-secrets scan app.py tests/test_api.py > .secrets.baseline", repo, {})
    assert made.returncode == 0, made.stderr
    history = json.loads(bash("secretcheck history --format json -q", repo, {}).stdout)
    fingerprint = history["findings"][0]["fingerprint"]
    (repo / ".secretcheck-history-ignore").write_text(f"{fingerprint} rotated, INC-42\n")


def test_every_documented_command_runs(git_repo: Path) -> None:
    _scratch_repo(git_repo)
    ran = 0
    for lang, body in BLOCK.findall((ROOT / "docs" / "ci.md").read_text(encoding="utf-8")):
        if lang == "toml" and body.startswith("# .secretcheck.toml"):
            with (git_repo / ".secretcheck.toml").open("a", encoding="utf-8") as config:
                config.write(body)
        if lang != "console":
            continue
        for line in body.splitlines():
            command = line.removeprefix("$ ")
            done = bash(command, git_repo, {}, "-o", "pipefail")
            assert done.returncode in (0, 1), (command, done.stdout[-1000:], done.stderr)
            assert "error:" not in done.stderr, (command, done.stderr)
            outputs = done.stdout + done.stderr
            assert TOKEN not in outputs and PASSWORD not in outputs, command
            ran += 1
    assert ran >= 20
    for name in ("secretcheck.sarif", "history.sarif", "history.json", "imported-baseline.json"):
        text = (git_repo / name).read_text()
        assert TOKEN not in text and PASSWORD not in text
    audited = json.loads((git_repo / ".secretcheck-baseline.json").read_text())["entries"]
    assert {e["verdict"] for e in audited} == {"true-positive", "false-positive"}
