"""CLI conventions: NO_COLOR/FORCE_COLOR, -q/-v, a progress bar on a terminal only, a blocked
commit that names the ways forward, and `secretcheck init` (checked by the real pre-commit)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import git, leaky_files, on_a_terminal, run_cli, write_tree

from secretcheck.cli import main
from secretcheck.examples import expand
from secretcheck.settings import build_settings

ESC = "\x1b["
TOKEN = expand("{{crc_token:ghp}}", "conventions")


def _scan_text(root: Path, env: dict[str, str], *args: str) -> str:
    old = Path.cwd()
    os.chdir(root)
    try:
        result = CliRunner().invoke(main, ["scan", "--no-cache", *args, "."], env=env)
    finally:
        os.chdir(old)
    assert result.exit_code == 1, result.output
    return result.stdout


def test_no_color_beats_force_color_and_the_flag_beats_both(tmp_path: Path) -> None:
    write_tree(tmp_path, leaky_files())
    assert ESC in _scan_text(tmp_path, {"FORCE_COLOR": "1", "NO_COLOR": None})  # type: ignore[dict-item]
    assert ESC not in _scan_text(tmp_path, {"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert ESC not in _scan_text(tmp_path, {"NO_COLOR": "1", "FORCE_COLOR": None})  # type: ignore[dict-item]
    assert ESC in _scan_text(tmp_path, {"NO_COLOR": "1"}, "--color")
    assert ESC not in _scan_text(tmp_path, {"FORCE_COLOR": "1"}, "--no-color")


def test_history_draws_a_progress_bar_on_a_terminal_only(git_repo: Path) -> None:
    for n in range(3):
        write_tree(git_repo, {f"f{n}.py": f"x = {n}\n"})
        git(git_repo, "add", "-A")
        git(git_repo, "commit", "-qm", f"c{n}")
    code, out, tty = on_a_terminal(["history", "--format", "json"], git_repo, {})
    assert code == 0, tty
    assert "commits" in tty and "100%" in tty
    assert "%" not in out and out.startswith("{")  # the report on stdout holds no bar
    code, _, tty = on_a_terminal(["history", "-q", "--format", "json"], git_repo, {})
    assert code == 0 and "commits" not in tty
    piped = run_cli("history", "--format", "json", cwd=git_repo)
    assert piped.exit_code == 0 and "commits" not in piped.stderr


def test_a_long_scan_draws_a_progress_baron_a_terminal(tmp_path: Path) -> None:
    write_tree(tmp_path, {f"pkg/m{n}.py": f"VALUE = {n}\n" for n in range(210)})
    code, out, tty = on_a_terminal(
        ["scan", "--no-cache", "-j", "1", "."], tmp_path, {"NO_COLOR": "1"}
    )
    assert code == 0, tty
    assert "files" in tty and "100%" in tty
    assert ESC + "3" not in out  # NO_COLOR: no colour escape in the report


def test_quiet_and_verbose(git_repo: Path) -> None:
    write_tree(git_repo, {"app.py": f'TOKEN = "{TOKEN}"\n', "blob.bin": b"\0\1\2" * 10})
    loud = run_cli("baseline", "create", cwd=git_repo)
    assert loud.exit_code == 0 and "wrote 1 baseline entries" in loud.stderr
    quiet = run_cli("baseline", "create", "-q", cwd=git_repo)
    assert quiet.exit_code == 0 and "wrote" not in quiet.stderr
    assert "warning: the baseline accepts 1 critical" in quiet.stderr  # -q keeps warnings
    silent = run_cli("baseline", "create", "-qq", cwd=git_repo)
    assert silent.exit_code == 0 and silent.stderr == ""
    verbose = run_cli("scan", "--no-cache", "-v", ".", cwd=git_repo)
    assert verbose.exit_code == 1
    assert "lines scanned" in verbose.stderr and "skipped blob.bin: binary" in verbose.stderr
    assert "lines scanned" not in run_cli("scan", "--no-cache", ".", cwd=git_repo).stderr


def test_a_blocked_commit_names_the_three_ways_forward(git_repo: Path) -> None:
    write_tree(git_repo, {"app.py": f'TOKEN = "{TOKEN}"\n'})
    git(git_repo, "add", "app.py")
    result = run_cli("scan", "--staged", "app.py", cwd=git_repo)
    assert result.exit_code == 1
    message = result.stderr
    assert "commit blocked" in message and "ROTATE" in message
    assert "ignore[SC303] -- why" in message
    assert "secretcheck baseline create" in message
    assert TOKEN not in message
    clean = run_cli("scan", "--no-cache", ".", cwd=git_repo)
    assert "commit blocked" not in clean.stderr  # only a commit is blocked


def test_init_writes_a_config_that_loads_and_a_hook_that_runs(git_repo: Path) -> None:
    write_tree(git_repo, {"pyproject.toml": '[project]\nname = "demo"\n'})
    result = run_cli("init", cwd=git_repo)
    assert result.exit_code == 0, result.stderr
    text = (git_repo / "pyproject.toml").read_text()
    assert text.startswith('[project]\nname = "demo"\n') and "[tool.secretcheck]" in text
    settings = build_settings((str(git_repo),), str(git_repo / "pyproject.toml"))
    assert settings.select == ("ALL",) and settings.config_file
    again = run_cli("init", cwd=git_repo)
    assert again.exit_code == 0 and "left as it is" in again.stderr
    assert (git_repo / "pyproject.toml").read_text() == text  # nothing appended twice

    # The real pre-commit runs the hook that init wrote, and it blocks a token.
    write_tree(git_repo, {"deploy.yml": f"token: {TOKEN}\n"})
    git(git_repo, "add", "-A")
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "PRE_COMMIT_HOME": str(git_repo.parent / "pc-home"),
        "PRE_COMMIT_COLOR": "never",
    }
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files"],
        cwd=git_repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "SC303" in done.stdout and TOKEN not in done.stdout
    assert "commit blocked" in done.stdout


def test_init_without_pyproject_writes_secretcheck_toml(tmp_path: Path) -> None:
    write_tree(tmp_path, {".pre-commit-config.yaml": "repos: []\n"})
    result = run_cli("init", cwd=tmp_path)
    assert result.exit_code == 0
    assert (tmp_path / ".secretcheck.toml").exists()
    assert (tmp_path / ".pre-commit-config.yaml").read_text() == "repos: []\n"
    assert "add this under `repos:` by hand" in result.stderr
    assert build_settings((str(tmp_path),), None).config_file.endswith(".secretcheck.toml")


@pytest.mark.parametrize("command", ["scan", "history", "baseline create", "grade"])
def test_every_command_takes_quiet_and_verbose(command: str) -> None:
    result = run_cli(*command.split(), "--help")
    assert result.exit_code == 0
    assert "--quiet" in result.stdout and "--verbose" in result.stdout
