"""`scan --staged` and `scan --diff REV`, against a real git in throwaway repositories."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from secretcheck.cli import main
from secretcheck.examples import expand
from secretcheck.gitcmd import parse_patch, unquote
from secretcheck.gitscan import new_line_numbers
from tests.conftest import git

OLD = expand("{{crc_token:ghp}}", "diff-old")
NEW = expand("{{crc_token:ghp}}", "diff-new")
AWS = expand("AKIA{{upper:16}}", "diff-aws")


def cli(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def located(result: Result) -> list[tuple[str, int, str]]:
    data: dict[str, Any] = json.loads(result.stdout)
    return sorted((f["path"], f["line"], f["rule_id"]) for f in data["findings"])


@pytest.fixture
def repo(git_repo: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (git_repo / "settings.py").write_text(f'import os\nTOKEN = "{OLD}"\n')
    git(git_repo, "add", "-A")
    git(git_repo, "commit", "-qm", "first")
    monkeypatch.chdir(git_repo)
    return git_repo


def test_diff_reports_only_what_the_last_commit_added(repo: Path) -> None:
    (repo / "settings.py").write_text(f'import os\nTOKEN = "{OLD}"\nKEY = "{AWS}"\n')
    (repo / "deploy.yml").write_text(f"steps:\n  - token: {NEW}\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "second")
    assert cli("scan", "--format", "json", ".").exit_code == 1
    result = cli("scan", "--diff", "HEAD~1", "--format", "json")
    assert result.exit_code == 1, result.output
    assert located(result) == [("deploy.yml", 2, "SC303"), ("settings.py", 3, "SC301")]
    assert OLD not in result.output and NEW not in result.output and AWS not in result.output
    clean = cli("scan", "--diff", "HEAD", "--format", "json")
    assert clean.exit_code == 0 and located(clean) == []


def test_diff_against_a_branch_uses_the_merge_base(repo: Path) -> None:
    git(repo, "checkout", "-qb", "feature")
    (repo / "feature.py").write_text(f'KEY = "{AWS}"\n')
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "feature work")
    git(repo, "checkout", "-q", "main")
    (repo / "main_only.py").write_text(f'TOKEN2 = "{NEW}"\n')
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "main moved on")
    git(repo, "checkout", "-q", "feature")
    result = cli("scan", "--diff", "main", "--format", "json")
    assert result.exit_code == 1
    assert located(result) == [("feature.py", 1, "SC301")]


def test_diff_counts_untracked_files_and_ignores_renames(repo: Path) -> None:
    git(repo, "mv", "settings.py", "config.py")
    git(repo, "commit", "-qm", "rename only")
    assert located(cli("scan", "--diff", "HEAD~1", "--format", "json")) == []
    (repo / "scratch.py").write_text(f'KEY = "{AWS}"\n')
    assert located(cli("scan", "--diff", "HEAD", "--format", "json")) == [
        ("scratch.py", 1, "SC301")
    ]


def test_diff_with_a_bad_revision_is_a_usage_error(repo: Path) -> None:
    result = cli("scan", "--diff", "no-such-branch")
    assert result.exit_code == 2
    assert "unknown revision" in result.stderr
    assert cli("scan", "--diff", "--output=x").exit_code == 2
    assert cli("scan", "--diff", "HEAD", "--staged").exit_code == 2


def test_staged_finds_a_secret_already_removed_from_the_working_tree(repo: Path) -> None:
    (repo / "new.py").write_text(f'KEY = "{AWS}"\n')
    git(repo, "add", "new.py")
    (repo / "new.py").write_text('import os\nKEY = os.environ["KEY"]\n')
    assert cli("scan", "--format", "json", "new.py").exit_code == 0
    result = cli("scan", "--staged", "--format", "json")
    assert result.exit_code == 1, result.output
    assert located(result) == [("new.py", 1, "SC301")]
    assert AWS not in result.output


def test_staged_ignores_unstaged_edits_and_unchanged_files(repo: Path) -> None:
    (repo / "settings.py").write_text('import os\nTOKEN = os.environ["T"]\n')
    git(repo, "add", "settings.py")
    (repo / "settings.py").write_text(f'import os\nTOKEN = os.environ["T"]\nX = "{NEW}"\n')
    (repo / "untracked.py").write_text(f'KEY = "{AWS}"\n')
    result = cli("scan", "--staged", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["summary"]["files_scanned"] == 1


def test_staged_handles_binary_and_non_utf8_names(repo: Path) -> None:
    odd = "caf\u00e9 [draft].env"
    (repo / odd).write_text(f"TOKEN={NEW}\n")
    (repo / "blob.bin").write_bytes(b"\0\1\2" + NEW.encode())
    git(repo, "add", "-A")
    result = cli("scan", "--staged", "--format", "json")
    assert result.exit_code == 1
    assert located(result) == [(odd, 1, "SC303")]
    skipped = json.loads(result.stdout)["skipped"]
    assert [(s["path"], s["reason"]) for s in skipped] == [("blob.bin", "binary")]
    # The literal pathspec matches the bracketed name itself, not a glob.
    only = cli("scan", "--staged", "--format", "json", odd)
    assert located(only) == [(odd, 1, "SC303")]
    # A name that is not UTF-8 is scanned too, and shown with a backslash escape.
    (repo / os.fsdecode(b"raw\xff.env")).write_text(f"TOKEN={NEW}\n")
    git(repo, "add", "-A")
    assert ("raw\\xff.env", 1, "SC303") in located(cli("scan", "--staged", "--format", "json"))
    git(repo, "commit", "-qm", "odd names")
    (repo / os.fsdecode(b"raw\xff.env")).write_text(f"A=1\nTOKEN={NEW}\nB={AWS}\n")
    diff = located(cli("scan", "--diff", "HEAD", "--format", "json"))
    assert diff == [("raw\\xff.env", 3, "SC301")]


def test_staged_reads_named_files_from_the_index_even_when_unchanged(repo: Path) -> None:
    # `pre-commit run --all-files` names committed, unstaged files: they are read from the
    # index, and an unstaged working-tree edit still cannot hide what the index holds.
    (repo / "old.py").write_text(f'KEY = "{AWS}"\n')
    git(repo, "add", "old.py")
    git(repo, "commit", "-qm", "add old.py")
    (repo / "old.py").write_text('import os\nKEY = os.environ["KEY"]\n')
    result = cli("scan", "--staged", "--format", "json", "old.py")
    assert result.exit_code == 1, result.output
    assert located(result) == [("old.py", 1, "SC301")]
    assert located(cli("scan", "--staged", "--format", "json")) == []


def test_staged_with_a_baseline_marks_known(repo: Path) -> None:
    assert cli("baseline", "create").exit_code == 0
    (repo / "settings.py").write_text(f'import os\n\n\nTOKEN = "{OLD}"\n')
    git(repo, "add", "settings.py")
    result = cli("scan", "--staged", "--baseline", ".secretcheck-baseline.json", "--format", "json")
    assert result.exit_code == 0, result.output
    assert [f["baseline"] for f in json.loads(result.stdout)["findings"]] == ["known"]


def test_outside_a_repository_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    assert cli("scan", "--staged").exit_code == 2
    assert cli("history").exit_code == 2


def test_parse_patch_counts_hunk_lines_and_unquotes_names() -> None:
    patch = [
        b"diff --git a/x.py b/x.py\n",
        b"--- a/x.py\n",
        b"+++ b/x.py\n",
        b"@@ -3,2 +3 @@\n",
        b"--- not a header\n",
        b"-old\n",
        b"+new\n",
        b"@@ -10,0 +11,2 @@ def f():\n",
        b"+a\n",
        b"+++b\n",
        b'diff --git "a/caf\\303\\251" "b/caf\\303\\251"\n',
        b"new file mode 100644\n",
        b"--- /dev/null\n",
        b'+++ "b/caf\\303\\251\\t"\n',
        b"@@ -0,0 +1 @@\n",
        b"+z\n",
        b"\\ No newline at end of file\n",
        b"diff --git a/i.png b/i.png\n",
        b"Binary files a/i.png and b/i.png differ\n",
    ]
    first, second, third = parse_patch(patch)
    assert first.path == b"x.py"
    assert first.removed == [b"-- not a header", b"old"]
    assert first.added == [(3, b"new"), (11, b"a"), (12, b"++b")]
    assert second.path == "café\t".encode() and second.old_path is None
    assert second.added == [(1, b"z")]
    assert third.binary and not third.added
    assert unquote(b'"a\\"b\\\\c"') == b'a"b\\c'


def test_staged_before_the_first_commit(git_repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(git_repo)
    (git_repo / "first.py").write_text(f'KEY = "{AWS}"\n')
    git(git_repo, "add", "first.py")
    result = cli("scan", "--staged", "--format", "json")
    assert result.exit_code == 1
    assert located(result) == [("first.py", 1, "SC301")]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (b"a\nb\nc\n", b"a\nB\nc\nd\n"),
        (b"a\nb\nc\n", b"c\n"),
        (b"a", b"a\n"),  # a newline added at the end changes the last line
        (b"", b"x\ny\n"),
        (b"k = 1\r\nv = 2\r\n", b"k = 1\r\nv = 3\r\nw = 4"),
        (b"x = 1\n" * 300, b"x = 1\n" * 150 + b"y\n" + b"x = 1\n" * 150),
        (b"".join(b"line %d\n" % i for i in range(500)),
         b"".join(b"line %d\n" % i if i % 50 else b"new %d\n" % i for i in range(500))),
    ],
)  # fmt: skip
def test_added_lines_are_the_ones_git_reports(tmp_path: Path, old: bytes, new: bytes) -> None:
    """`--diff` diffs the work tree itself (no filters); git's own diff is the oracle."""
    (tmp_path / "old").write_bytes(old)
    (tmp_path / "new").write_bytes(new)
    patch = subprocess.run(
        ["git", "diff", "--no-index", "--no-color", "-U0", "old", "new"],
        cwd=tmp_path, capture_output=True, check=False,
    ).stdout  # fmt: skip
    (expected,) = parse_patch(patch.splitlines(keepends=True))
    assert new_line_numbers(old, new) == {n for n, _ in expected.added}
