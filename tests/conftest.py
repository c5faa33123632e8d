"""Shared fixtures: fake secrets are generated here, never stored in the repository."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from secretcheck.cli import main
from secretcheck.examples import expand


@pytest.fixture(autouse=True)
def user_cache_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """The cache key lives in the user's cache folder; tests use their own, not the real one."""
    home = tmp_path_factory.mktemp("xdg-cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


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


def write_tree(root: Path, files: Mapping[str, str | bytes]) -> Path:
    """Create `files` (relative path -> text or bytes) below `root`; returns `root`."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


@dataclass(frozen=True)
class CliResult:
    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None

    def json(self) -> Any:
        return json.loads(self.stdout)


def run_cli(*args: str, cwd: Path | None = None) -> CliResult:
    """Run `secretcheck ARGS` in-process with click's runner, from `cwd`."""
    old = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, list(args))
    finally:
        os.chdir(old)
    exception = None if isinstance(result.exception, SystemExit) else result.exception
    return CliResult(result.exit_code, result.stdout, result.stderr, exception)


def located(document: Mapping[str, Any], suppressed: bool = False) -> set[tuple[str, int, str]]:
    """(path, line, rule_id) of the JSON report's findings with that suppression state."""
    return {
        (f["path"], f["line"], f["rule_id"])
        for f in document["findings"]
        if f["suppressed"] is suppressed
    }


# The "Done when" tree: one of each kind of leak, plus files that must not disturb it.
LEAKY_EXPECTED = {
    ("aws.py", 3, "SC301"),
    ("aws.py", 4, "SC302"),
    ("ci.yaml", 3, "SC303"),
    ("db.py", 5, "SC101"),
    ("broken.py", 1, "SC901"),
    ("broken.py", 4, "SC303"),
}


LEAKY_TEMPLATES = {
    "aws_key_id": "AKIA{{upper:16}}",
    "aws_secret_key": "{{base64:40}}",
    "github_yaml": "{{crc_token:ghp}}",
    "db_password": "{{password:14}}",
    "github_broken": "{{crc_token:gho}}",
}


def leaky_secrets(seed: int = 0) -> dict[str, str]:
    """The fake secret values `leaky_files(seed)` holds, for no-leak assertions."""
    return {name: expand(template, seed) for name, template in LEAKY_TEMPLATES.items()}


def leaky_files(seed: int = 0) -> dict[str, str | bytes]:
    s = leaky_secrets(seed)
    return {
        "aws.py": (
            "import boto3\n\n"
            f'AWS_ACCESS_KEY_ID = "{s["aws_key_id"]}"\n'
            f'aws_secret_access_key = "{s["aws_secret_key"]}"\n'
        ),
        "ci.yaml": f"deploy:\n  branch: main\n  github_token: {s['github_yaml']}\n",
        "db.py": (
            "import psycopg2\n\nconn = psycopg2.connect(\n"
            f'    host="db",\n    password="{s["db_password"]}",\n)\n'
        ),
        "broken.py": f'def broken(:\n    pass\n\nTOKEN = "{s["github_broken"]}"\n',
        "env_only.py": (
            "import os\n\n"
            'AWS_ACCESS_KEY_ID = os.environ["AWS_ACCESS_KEY_ID"]\n'
            'aws_secret_access_key = os.getenv("AWS_SECRET_ACCESS_KEY")\n'
            'password = os.environ.get("DB_PASSWORD")\n'
            'conn = psycopg2.connect(host="db", password=os.environ["DB_PASSWORD"])\n'
            'token: str = os.environ["GITHUB_TOKEN"]\n'
            "def login(user, api_key=os.getenv('API_KEY')):\n    return user\n"
        ),
        "logo.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        "notes_latin1.txt": "Caf\xe9 cr\xe8me, na\xefve r\xe9sum\xe9\n".encode("latin-1"),
    }


@pytest.fixture
def leaky_tree(tmp_path: Path) -> Path:
    return write_tree(tmp_path / "leaky", leaky_files())


def on_a_terminal(
    args: list[str], cwd: Path, env: Mapping[str, str] | None = None
) -> tuple[int, str, str]:
    """Run the real CLI with stderr on a pseudo-terminal (stdout a pipe), as a user at a
    terminal would; (exit code, stdout, what the terminal showed)."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "secretcheck.cli", *args],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=follower,
        stdin=subprocess.DEVNULL,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    out = proc.stdout.read() if proc.stdout else b""
    code = proc.wait(timeout=300)
    os.close(leader)
    return code, out.decode(), b"".join(chunks).decode(errors="replace")


@pytest.fixture(scope="session")
def dask_cluster() -> Iterator[str]:
    """A real 2-worker `distributed.LocalCluster` (processes), shared by the slow tests of
    `fleet` and batch `grade`; its scheduler address."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as local_cluster:
        yield str(local_cluster.scheduler_address)
