"""Shared fixtures: fake secrets are generated here, never stored in the repository."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from secretcheck.examples import expand


@pytest.fixture
def fake() -> object:
    """fake('{{alnum:20}}') -> a fresh fake secret, reproducible per template."""
    return expand


def git(repo: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.invalid",
    }  # fmt: skip
    done = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, env=env, check=True
    )
    return done.stdout


@pytest.fixture
def git_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "commit.gpgsign", "false")
    return repo
