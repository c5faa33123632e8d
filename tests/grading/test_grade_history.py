"""The minimal history reader on real git repositories."""

from __future__ import annotations

from pathlib import Path

from conftest import git

from secretcheck.grading.gitsafe import is_git_root
from secretcheck.grading.history import scan_git_history
from secretcheck.settings import Settings


def _commit(repo: Path, files: dict[str, str], message: str) -> str:
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD").strip()


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
    assert by_status["removed"].commit == leak and by_status["removed"].finding.span.line == 2
    assert by_status["removed"].finding.path == "app.py"
    assert by_status["present"].commit == keep
    assert len([h for h in found if h.finding.secret == removed]) == 1
    for h in found:
        doc = h.to_dict()
        assert removed not in str(doc) and kept not in str(doc)
        assert doc["commit"] and doc["author"] == "Test" and doc["date"]


def test_a_folder_inside_a_repository_is_not_graded_as_that_repository(git_repo: Path) -> None:
    _commit(git_repo, {"sub/app.py": "x = 1\n"}, "Add sub")
    assert is_git_root(git_repo)
    assert not is_git_root(git_repo / "sub")


def test_repository_config_cannot_run_programs(git_repo: Path, tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    _commit(git_repo, {"a.txt": "one\n"}, "One")
    _commit(git_repo, {"a.txt": "two\n", ".gitattributes": "*.txt diff=evil\n"}, "Two")
    git(git_repo, "config", "diff.evil.textconv", f"touch {marker} #")
    git(git_repo, "config", "diff.external", f"touch {marker} #")
    git(git_repo, "config", "core.fsmonitor", f"touch {marker} #")
    git(git_repo, "config", "core.pager", f"touch {marker} #")
    scan_git_history(git_repo, Settings())
    assert is_git_root(git_repo)
    assert not marker.exists()
