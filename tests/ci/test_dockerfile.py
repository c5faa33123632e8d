"""The Dockerfile: static checks always; a real build and run where a Docker daemon answers;
and, daemon or not, its pip install and the action's install step in a fresh venv.

The pinned base (python:3.12.7-slim-bookworm) must come from a registry. Where none is
reachable, SECRETCHECK_TEST_BASE_IMAGE names a local stand-in with `python`, `pip`, apt and
Debian's layout (docs/ci.md, "What was exercised"); the Dockerfile's own steps run unchanged.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import venv
from pathlib import Path

import pytest
from conftest import git, write_tree

from secretcheck.examples import expand
from tests.ci.workflow import ROOT, bash

DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")
INSTRUCTIONS = [  # (INSTRUCTION, arguments), continuation lines joined, comments dropped
    (m.group(1).upper(), m.group(2))
    for m in re.finditer(
        r"^([A-Za-z]+)\s+(.*?)(?<!\\)$",
        re.sub(r"\\\n", " ", "\n".join(
            line for line in DOCKERFILE.splitlines() if not line.lstrip().startswith("#")
        )),
        re.MULTILINE,
    )
]  # fmt: skip
SECRET = expand("{{alnum:24}}", "docker")
IGNORED = expand("{{alnum:24}}", "docker-ignored")


def _only(name: str) -> list[str]:
    return [args for instruction, args in INSTRUCTIONS if instruction == name]


def test_base_is_pinned_to_a_patch_release_and_overridable() -> None:
    (arg,) = [a for a in _only("ARG") if a.startswith("BASE_IMAGE=")]
    assert re.fullmatch(r"BASE_IMAGE=python:3\.\d+\.\d+-slim-\w+(@sha256:[0-9a-f]{64})?", arg)
    assert _only("FROM") == ["${BASE_IMAGE}"]


def test_runs_as_a_non_root_user_with_the_cli_as_entrypoint() -> None:
    names = [instruction for instruction, _ in INSTRUCTIONS]
    (user,) = _only("USER")
    assert user not in ("root", "0")
    assert re.search(rf"useradd\b.*\b{user}\b", " ".join(_only("RUN")))
    assert names.index("USER") > max(i for i, n in enumerate(names) if n == "COPY")
    assert _only("ENTRYPOINT") == ['["secretcheck"]'] and _only("WORKDIR") == ["/src"]
    user_at = names.index("USER")
    after_user = [a for i, (n, a) in enumerate(INSTRUCTIONS) if n == "RUN" and i > user_at]
    assert any("git config --global --add safe.directory /src" in a for a in after_user)
    assert any("--no-install-recommends git" in a for a in _only("RUN"))


def test_dockerignore_lets_in_exactly_what_pip_install_needs() -> None:
    lines = (ROOT / ".dockerignore").read_text().split("\n")
    allowed = {line[1:].rstrip("/") for line in lines if line.startswith("!")}
    assert "*" in lines and allowed == {"pyproject.toml", "README.md", "secretcheck", "rules"}


def _context(dest: Path) -> Path:
    """The build context .dockerignore allows, copied to `dest`."""
    dest.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, dest / name)
    skip = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("secretcheck", "rules"):
        shutil.copytree(ROOT / name, dest / name, ignore=skip)
    return dest


@pytest.mark.slow
def test_the_images_pip_install_works_in_a_fresh_venv(tmp_path: Path) -> None:
    """No daemon needed: the Dockerfile's own install command, on the context it would get."""
    (command,) = [a for a in _only("RUN") if "pip install" in a]
    context = _context(tmp_path / "secretcheck-src")
    venv.create(tmp_path / "venv", with_pip=True)
    bin_dir = tmp_path / "venv" / "bin"
    script = command.replace("/tmp/secretcheck-src", str(context))
    env = {"PATH": f"{bin_dir}:{os.environ['PATH']}", "VIRTUAL_ENV": str(tmp_path / "venv")}
    done = bash(script, tmp_path, env, "-e")
    assert done.returncode == 0, done.stderr[-2000:]
    assert not context.exists()  # the source copy is removed from the image layer
    assert (bin_dir / "secretcheck").exists() and "secretcheck" in done.stdout


@pytest.mark.slow
def test_the_actions_install_step_installs_the_checkout(tmp_path: Path) -> None:
    github_path = tmp_path / "github_path"
    github_path.write_text("")
    env = {"SECRETCHECK_SOURCE": str(_context(tmp_path / "src")), "GITHUB_PATH": str(github_path),
           "SECRETCHECK_VENV": str(tmp_path / "venv"), "SECRETCHECK_VERSION": ""}  # fmt: skip
    done = bash(f'bash "{ROOT}/ci/action/install.sh"', tmp_path, env)
    assert done.returncode == 0, done.stderr[-2000:]
    assert github_path.read_text() == f"{tmp_path / 'venv' / 'bin'}\n"
    assert (tmp_path / "venv" / "bin" / "secretcheck").exists()


def _docker_answers() -> bool:
    if shutil.which("docker") is None:
        return False
    return subprocess.run(["docker", "info"], capture_output=True, timeout=60).returncode == 0


@pytest.mark.slow
@pytest.mark.skipif(not _docker_answers(), reason="no Docker daemon answers `docker info` here")
def test_the_image_builds_and_scans_a_mounted_repository_of_another_owner(git_repo: Path) -> None:
    base = os.environ.get("SECRETCHECK_TEST_BASE_IMAGE", "")
    build = ["docker", "build", "--network", "host", "-t", "secretcheck-test:latest", str(ROOT)]
    if base:
        build[2:2] = ["--build-arg", f"BASE_IMAGE={base}"]
    built = subprocess.run(build, capture_output=True, text=True, timeout=1800)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    write_tree(git_repo, {"app.py": f'db_password = "{SECRET}"\n', ".gitignore": "local.py\n",
                          "local.py": f'db_password = "{IGNORED}"\n'})  # fmt: skip
    git(git_repo, "add", "-A")
    git(git_repo, "commit", "-qm", "app")
    assert git_repo.stat().st_uid != 10001  # the image's user does not own the mount
    run = ["docker", "run", "--rm", "-v", f"{git_repo}:/src:ro", "secretcheck-test:latest"]
    scan = subprocess.run([*run, "scan", "--format", "json", "."], capture_output=True, text=True)
    assert scan.returncode == 1, scan.stderr
    # git discovery, not a plain walk: the git-ignored file is not scanned
    assert [f["path"] for f in json.loads(scan.stdout)["findings"]] == ["app.py"]
    history = subprocess.run([*run, "history", "-q"], capture_output=True, text=True)
    assert history.returncode == 1 and "app.py" in history.stdout, history.stderr
    whoami = subprocess.run([*run[:-1], "--entrypoint", "id", run[-1], "-u"], capture_output=True,
                            text=True)  # fmt: skip
    assert whoami.stdout.strip() == "10001"
    for text in (scan.stdout, scan.stderr, history.stdout, history.stderr):
        assert SECRET not in text and IGNORED not in text
