"""History through the grading seam, on real git repositories, including hostile ones."""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import git

from secretcheck.gitcmd import is_git_root
from secretcheck.grading.grade import grade_paths
from secretcheck.grading.history import scan_git_history
from secretcheck.grading.rubric import load_rubric
from secretcheck.settings import Settings


def _commit(repo: Path, files: dict[str, str], message: str) -> str:
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD").strip()


def test_python_assignment_in_history_is_judged_with_full_context(
    git_repo: Path, fake: object
) -> None:
    key = fake("{{alnum:40}}")  # type: ignore[operator]
    _commit(git_repo, {"client.py": f'API_KEY = "{key}"\n'}, "Add client")
    _commit(git_repo, {"client.py": 'import os\nAPI_KEY = os.environ["API_KEY"]\n'}, "Env")
    (found,) = scan_git_history(git_repo, Settings())
    assert found.status == "removed" and found.finding.rule_id == "SC101"


def test_removed_and_present_secrets_are_reported_once_at_their_commit(
    git_repo: Path, fake: object
) -> None:
    removed = fake("AKIA{{upper:16}}")  # type: ignore[operator]
    kept = fake("{{alnum:32}}")  # type: ignore[operator]
    _commit(git_repo, {"app.py": "import os\n"}, "Start the app")
    leak = _commit(git_repo, {"app.py": f'import os\nKEY_ID = "{removed}"\n'}, "Add key")
    _commit(git_repo, {"app.py": f'import os\nKEY_ID = "{removed}"\nx = 1\n'}, "Touch")
    keep = _commit(git_repo, {"cfg.py": f'api_key = "{kept}"\n'}, "Add config")
    _commit(git_repo, {"app.py": 'import os\nKEY_ID = os.environ["KEY_ID"]\nx = 1\n'}, "Env")
    found = scan_git_history(git_repo, Settings())
    by_status = {h.status: h for h in found}
    assert set(by_status) == {"removed", "present"}
    assert by_status["removed"].introduced.sha == leak
    assert by_status["removed"].finding.span.line == 2
    assert by_status["removed"].finding.path == "app.py"
    assert by_status["present"].introduced.sha == keep
    assert len([h for h in found if h.finding.secret == removed]) == 1
    for h in found:
        doc = h.to_dict()
        assert removed not in str(doc) and kept not in str(doc)
        assert doc["commit"] and doc["author"] == "Test" and doc["date"]


def test_a_folder_inside_a_repository_is_not_graded_as_that_repository(git_repo: Path) -> None:
    _commit(git_repo, {"sub/app.py": "x = 1\n"}, "Add sub")
    assert is_git_root(git_repo)
    assert not is_git_root(git_repo / "sub")


def _sign_head(repo: Path) -> None:
    """Give HEAD a (bogus) signature header, so `log.showSignature` would call gpg.program."""
    raw = git(repo, "cat-file", "commit", "HEAD")
    head, _, message = raw.partition("\n\n")
    signature = "gpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEz\n -----END PGP SIGNATURE-----"
    done = subprocess.run(
        ["git", "-C", str(repo), "hash-object", "-t", "commit", "-w", "--stdin"],
        input=f"{head}\n{signature}\n\n{message}", capture_output=True, text=True, check=True,
    )  # fmt: skip
    git(repo, "update-ref", "refs/heads/main", done.stdout.strip())


def test_repository_config_cannot_run_programs(
    git_repo: Path, tmp_path: Path, fake: object
) -> None:
    marker = tmp_path / "ran"
    program = tmp_path / "evil"
    program.write_text(f"#!/bin/sh\ntouch {marker}\n")
    program.chmod(0o755)
    token = fake("AKIA{{upper:16}}")  # type: ignore[operator]
    _commit(git_repo, {"a.txt": "one\n", "k.py": f'KEY_ID = "{token}"\n'}, "One")
    _commit(git_repo, {"a.txt": "two\n", ".gitattributes": "*.txt diff=evil\n"}, "Two")
    _sign_head(git_repo)
    for key in ("diff.evil.textconv", "diff.external", "core.fsmonitor", "core.pager",
                "gpg.program", "core.hooksPath"):  # fmt: skip
        git(git_repo, "config", key, str(program))
    git(git_repo, "config", "log.showSignature", "true")
    assert scan_git_history(git_repo, Settings())  # the history was read...
    (grade,) = grade_paths([git_repo], load_rubric())  # ...and the whole grade computed
    assert grade.history and is_git_root(git_repo)
    assert not marker.exists()  # ...without running anything the repository names
