"""The real pre-commit framework, in a throwaway repository, blocking a staged token.

Slow: pre-commit builds the hook's own virtualenv with pip (from this repository at HEAD), so
these run in their own CI step (`pytest -m slow`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import git

from secretcheck.examples import expand

ROOT = Path(__file__).resolve().parent.parent


def environment(home: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PRE_COMMIT_HOME": str(home),
        "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.invalid",
        "PRE_COMMIT_COLOR": "never",
    }  # fmt: skip


def run(repo: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=repo, env=env, capture_output=True, text=True, timeout=900, check=False
    )


def commit(repo: Path, env: dict[str, str], files: dict[str, str]) -> tuple[int, str]:
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
        git(repo, "add", name)
    done = run(repo, env, "git", "commit", "-m", "change")
    return done.returncode, done.stdout + done.stderr


def head_commit() -> str:
    """This repository's HEAD; pre-commit clones the hook from there, as users' configs do."""
    return git(ROOT, "rev-parse", "HEAD").strip()


def check_blocks_token_and_passes_clean(repo: Path, env: dict[str, str]) -> None:
    installed = run(repo, env, sys.executable, "-m", "pre_commit", "install")
    assert installed.returncode == 0, installed.stdout + installed.stderr
    git(repo, "add", ".pre-commit-config.yaml")
    code, output = commit(repo, env, {"README.md": "# demo\n"})
    assert code == 0, output
    assert "secretcheck" in output  # the hook really ran, it did not just skip

    token = expand("{{crc_token:ghp}}", seed="pre-commit")
    password = expand("{{password:16}}", seed="pre-commit")
    code, output = commit(
        repo,
        env,
        {
            "deploy/config.yml": f"github:\n  token: {token}\n",
            "app/db.py": f'DB_PASSWORD = "{password}"\n',
        },
    )
    assert code != 0, output
    assert "SC303" in output and "SC101" in output
    assert token not in output and password not in output
    assert "deploy/config.yml" in output and "app/db.py" in output
    assert git(repo, "rev-list", "--count", "HEAD").strip() == "1"  # nothing was committed

    git(repo, "reset", "-q", "HEAD", "--", "deploy/config.yml", "app/db.py")
    (repo / "deploy" / "config.yml").unlink()
    (repo / "app" / "db.py").unlink()
    code, output = commit(repo, env, {"app/db.py": 'DB_PASSWORD = os.environ["DB_PASSWORD"]\n'})
    assert code == 0, output
    assert git(repo, "rev-list", "--count", "HEAD").strip() == "2"


@pytest.mark.slow
def test_published_hook_blocks_a_staged_token(git_repo: Path, tmp_path: Path) -> None:
    """Our real .pre-commit-hooks.yaml, installed by pre-commit the way users get it."""
    config = f"repos:\n  - repo: {ROOT.as_posix()}\n    rev: {head_commit()}\n"
    config += "    hooks:\n      - id: secretcheck\n"
    (git_repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    check_blocks_token_and_passes_clean(git_repo, environment(tmp_path / "pre-commit-home"))


@pytest.mark.slow
def test_local_hook_blocks_a_staged_token(git_repo: Path, tmp_path: Path) -> None:
    """The same flow with `repo: local` and the installed CLI: no hook build, same verdicts."""
    executable = Path(sys.executable).parent / "secretcheck"
    if not executable.exists():  # a Python whose scripts live elsewhere (distro layouts)
        executable = Path(shutil.which("secretcheck") or "secretcheck")
    config = (
        "repos:\n  - repo: local\n    hooks:\n      - id: secretcheck\n"
        "        name: secretcheck\n"
        f"        entry: {executable.as_posix()} scan --staged --force-exclude\n"
        "        language: system\n        types: [text]\n"
    )
    (git_repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    check_blocks_token_and_passes_clean(git_repo, environment(tmp_path / "pre-commit-home"))


def test_hook_manifest_matches_what_pre_commit_expects() -> None:
    from pre_commit.clientlib import load_manifest

    (hook,) = load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))
    assert hook["id"] == "secretcheck"
    assert hook["language"] == "python"
    assert hook["entry"] == "secretcheck scan --staged --force-exclude"
    assert hook["types"] == ["text"]
    assert hook["pass_filenames"] is True
