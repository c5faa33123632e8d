"""`secretcheck history` against real repositories built commit by commit."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from secretcheck.cli import main
from secretcheck.examples import expand
from secretcheck.history import scan_history
from secretcheck.settings import Settings
from tests.conftest import git

TOKEN = expand("{{crc_token:ghp}}", "history-token")
AWS = expand("AKIA{{upper:16}}", "history-aws")
PEM = expand("{{pem:rsa}}", "history-pem")


def cli(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def commit(repo: Path, message: str, **files: str) -> str:
    for name, text in files.items():
        path = repo / name.replace("__", "/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", message)
    return git(repo, "rev-parse", "HEAD").strip()


def secrets_of(result: Result) -> list[dict[str, Any]]:
    return json.loads(result.stdout)["secrets"]  # type: ignore[no-any-return]


@pytest.fixture
def repo(git_repo: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(git_repo)
    return git_repo


def test_token_replaced_by_env_lookup_is_reported_removed(repo: Path) -> None:
    commit(repo, "readme", **{"README.md": "# demo\n"})
    introduced = commit(
        repo, "add client", **{"app__client.py": f'import os\n\nTOKEN = "{TOKEN}"\n'}
    )
    commit(repo, "unrelated", **{"README.md": "# demo\n\nmore\n"})
    removed = commit(
        repo, "use env", **{"app__client.py": 'import os\n\nTOKEN = os.environ["TOKEN"]\n'}
    )
    assert cli("scan", ".").exit_code == 0  # HEAD is clean ...

    result = cli("history", "--format", "json")  # ... but the history is not
    assert result.exit_code == 1
    assert "Rotate" in result.stderr and "does not revoke" in result.stderr
    [found] = secrets_of(result)
    assert (found["rule_id"], found["path"], found["line"]) == ("SC303", "app/client.py", 3)
    assert found["commit"] == introduced
    assert found["status"] == "removed"
    assert found["removed_in"]["commit"] == removed
    assert found["author"] == "Test" and found["date"].startswith("20")
    assert isinstance(found["lived_seconds"], int) and found["lived_seconds"] >= 0
    assert json.loads(result.stdout)["summary"]["commits_scanned"] == 4

    text = cli("history")
    assert text.exit_code == 1
    assert introduced[:12] in text.stdout and "removed in " + removed[:12] in text.stdout
    assert "Rotate" in text.stdout
    for output in (result.output, text.output):
        assert TOKEN not in output


def test_each_secret_once_at_its_introducing_commit_and_present_status(repo: Path) -> None:
    first = commit(repo, "key", **{"cfg.py": f'KEY = "{AWS}"\n'})
    commit(repo, "move down", **{"cfg.py": f'import os\n\n\nKEY = "{AWS}"\n'})
    commit(repo, "copy", **{"other.env": f"KEY={AWS}\n"})
    git(repo, "mv", "cfg.py", "settings.py")
    git(repo, "commit", "-qm", "rename")
    result = cli("history", "--format", "json")
    assert result.exit_code == 1
    [found] = secrets_of(result)
    assert (found["commit"], found["path"], found["line"]) == (first, "cfg.py", 1)
    assert found["status"] == "present" and found["removed_in"] is None


def test_multiline_private_key_is_found_and_line_numbers_are_real(repo: Path) -> None:
    commit(repo, "base", **{"keys.txt": "header\n" * 5})
    sha = commit(repo, "add key", **{"keys.txt": "header\n" * 5 + PEM + "\n"})
    result = cli("history", "--format", "json")
    found = [s for s in secrets_of(result) if s["rule_id"].startswith("SC3")]
    assert found and found[0]["line"] == 6 and found[0]["commit"] == sha
    assert all(line not in result.output for line in PEM.splitlines()[1:-1])


def test_fragments_of_python_files_give_no_parse_diagnostics(repo: Path) -> None:
    commit(repo, "base", **{"m.py": "def f():\n    if True:\n        pass\n"})
    commit(repo, "edit", **{"m.py": f'def f():\n    if True:\n        x = "{TOKEN}"\n'})
    result = cli("history", "--format", "json")
    assert [s["rule_id"] for s in secrets_of(result)] == ["SC303"]


def test_since_all_branches_and_paths_narrow_the_scan(repo: Path) -> None:
    base = commit(repo, "old secret", **{"a.py": f'KEY = "{AWS}"\n'})
    commit(repo, "new secret", **{"b.py": f'T = "{TOKEN}"\n'})
    assert [s["path"] for s in secrets_of(cli("history", "--since", base, "--format", "json"))] == [
        "b.py"
    ]
    assert [s["path"] for s in secrets_of(cli("history", "--format", "json", "a.py"))] == ["a.py"]
    git(repo, "checkout", "-qb", "side", base)
    commit(repo, "side secret", **{"c.env": f"X={expand('{{crc_token:gho}}', 'side')}\n"})
    git(repo, "checkout", "-q", "main")
    plain = {s["path"] for s in secrets_of(cli("history", "--format", "json"))}
    every = {
        s["path"]: s["status"]
        for s in secrets_of(cli("history", "--all-branches", "--format", "json"))
    }
    assert plain == {"a.py", "b.py"}
    assert every == {"a.py": "present", "b.py": "present", "c.env": "present"}


def test_clean_history_exits_zero_and_suppressed_lines_do_not_fail(repo: Path) -> None:
    commit(repo, "clean", **{"a.py": "import os\nKEY = os.environ['KEY']\n"})
    result = cli("history")
    assert result.exit_code == 0, result.output
    commit(repo, "allowed", **{"b.py": f'KEY = "{AWS}"  # secretcheck: ignore\n'})
    result = cli("history", "--format", "json")
    assert result.exit_code == 0
    assert [s["suppressed"] for s in secrets_of(result)] == [True]


def test_library_call_reports_progress_per_commit(repo: Path) -> None:
    for i in range(3):
        commit(repo, f"c{i}", **{"n.txt": f"{i}\n"})
    ticks: list[int] = []
    result = scan_history(Settings(jobs=1), on_commit=ticks.append)
    assert result.commits_scanned == 3 and sum(ticks) == 3 and not result.secrets


def test_bad_since_is_a_usage_error(repo: Path) -> None:
    commit(repo, "one", **{"a.txt": "a\n"})
    assert cli("history", "--since", "nope").exit_code == 2


def test_from_a_subfolder_without_paths_covers_the_whole_repository(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    commit(repo, "key", **{"top.py": f'KEY = "{AWS}"\n', "sub__x.txt": "x\n"})
    monkeypatch.chdir(repo / "sub")
    [found] = secrets_of(cli("history", "--format", "json"))
    assert found["path"] == (repo / "top.py").as_posix()  # outside the cwd: absolute, as in scan
    assert secrets_of(cli("history", "--format", "json", ".")) == secrets_of(
        cli("history", "--format", "json")
    )


def test_empty_repository_and_oversized_changes(repo: Path) -> None:
    result = cli("history")
    assert result.exit_code == 2 and "no commits" in result.stderr
    commit(repo, "big", **{"big.txt": f"T={TOKEN}\n" + "x" * 5000 + "\n"})
    (repo / ".secretcheck.toml").write_text("max-file-size = 1000\n")
    result = cli("history", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["secrets"] == [] and [s["path"] for s in data["skipped"]] == ["big.txt"]


@pytest.mark.slow
def test_history_benchmark_finds_every_planted_token() -> None:
    import subprocess
    import sys

    script = Path(__file__).parents[1] / "benchmarks" / "history_speed.py"
    done = subprocess.run(
        [sys.executable, str(script), "--commits", "1500", "--secret-every", "300"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1500 commits" in done.stdout


def test_a_suppressed_sighting_does_not_hide_a_later_unsuppressed_copy(repo: Path) -> None:
    commit(repo, "allowed", **{"a.py": f'KEY = "{AWS}"  # secretcheck: ignore\n'})
    later = commit(repo, "copied", **{"b.env": f"KEY={AWS}\n"})
    result = cli("history", "--format", "json")
    assert result.exit_code == 1
    [found] = secrets_of(result)
    assert (found["path"], found["commit"], found["suppressed"]) == ("b.env", later, False)


def test_a_live_key_in_a_file_named_like_a_baseline_is_found(repo: Path) -> None:
    """Every file named or headed like a baseline used to be skipped: a hiding place. Such
    files are scanned; only a baseline's own salt and hashes (random hex) are not reported."""
    commit(repo, "client", **{"app.py": f'AWS_KEY_ID = "{AWS}"\n'})
    created = cli("baseline", "create")
    assert created.exit_code == 0, created.stderr
    real = (repo / ".secretcheck-baseline.json").read_text()
    assert '"hash": "' in real  # the real baseline holds an entry's hash
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "baseline")
    decoy = real.replace('"entries": [', f'"note": "{TOKEN}",\n  "entries": [', 1)
    commit(repo, "decoy", **{"ops__.secretcheck-baseline.json": decoy})

    result = cli("history", "--format", "json")
    assert result.exit_code == 1
    paths = {s["path"] for s in secrets_of(result)}
    # The decoy's token is found; the real baseline's salt and hashes are not reported.
    assert paths == {"app.py", "ops/.secretcheck-baseline.json"}, paths
    decoy_lines = {
        s["line"] for s in secrets_of(result) if s["path"] == "ops/.secretcheck-baseline.json"
    }
    token_line = decoy.splitlines().index(f'  "note": "{TOKEN}",') + 1
    assert decoy_lines == {token_line}
    assert TOKEN not in result.stdout
