"""Discovery and reading: which files a scan sees, and why the others are skipped."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

import pytest
from conftest import git, located, run_cli, write_tree
from hypothesis import given, settings
from hypothesis import strategies as st

from secretcheck.errors import UsageError
from secretcheck.findings import Skipped
from secretcheck.sources import (
    Candidate,
    _glob_matcher,
    decode,
    discover,
    is_excluded,
    read_source,
)


def names(root: Path, *paths: str, exclude: tuple[str, ...] = ()) -> tuple[set[str], set[str]]:
    """(scanned display paths, 'path:reason' of skips) for a discovery run from `root`."""
    old = Path.cwd()
    os.chdir(root)
    try:
        found, skipped = discover(paths or (".",), exclude)
    finally:
        os.chdir(old)
    return {c.display for c in found}, {f"{s.path}:{s.reason}" for s in skipped}


class TestGitDiscovery:
    def test_tracked_and_untracked_but_not_ignored(self, git_repo: Path) -> None:
        write_tree(
            git_repo,
            {
                ".gitignore": "ignored.py\nbuild/\n",
                "tracked.py": "x = 1\n",
                "untracked.py": "y = 1\n",
                "ignored.py": "z = 1\n",
                "build/out.py": "w = 1\n",
                "sub/deep.txt": "hello\n",
            },
        )
        git(git_repo, "add", ".gitignore", "tracked.py")
        git(git_repo, "commit", "-qm", "init")
        scanned, skipped = names(git_repo)
        assert scanned == {".gitignore", "tracked.py", "untracked.py", "sub/deep.txt"}
        assert skipped == set()

    def test_untracked_virtualenv_and_node_modules_are_not_scanned(self, git_repo: Path) -> None:
        write_tree(
            git_repo,
            {
                "app.py": "x = 1\n",
                "env/pyvenv.cfg": "home = /usr\n",
                "env/lib/site-packages/pkg/keys.py": "x = 1\n",
                "web/node_modules/dep/index.js": "x\n",
                "build/.tox/py/x.py": "x = 1\n",
                "vendored/node_modules/kept.js": "x\n",
            },
        )
        git(git_repo, "add", "-f", "vendored/node_modules/kept.js")  # tracked: always scanned
        scanned, _ = names(git_repo)
        assert scanned == {"app.py", "vendored/node_modules/kept.js"}

    def test_gitignored_secret_is_not_scanned_but_explicit_file_is(
        self, git_repo: Path, fake: object
    ) -> None:
        token = fake("{{crc_token:ghp}}")  # type: ignore[operator]
        write_tree(git_repo, {".gitignore": "local.env\n", "local.env": f"GH={token}\n"})
        result = run_cli("scan", "--format", "json", ".", cwd=git_repo)
        assert result.exit_code == 0
        assert result.json()["summary"]["files_scanned"] == 1  # only .gitignore
        # A file named on the command line is always scanned, ignored or not.
        result = run_cli("scan", "--format", "json", "local.env", cwd=git_repo)
        assert result.exit_code == 1
        assert located(result.json()) == {("local.env", 1, "SC303")}

    def test_subfolder_of_a_repo_lists_only_that_folder(self, git_repo: Path) -> None:
        write_tree(git_repo, {"a/one.py": "x = 1\n", "b/two.py": "y = 1\n"})
        scanned, _ = names(git_repo, "a")
        assert scanned == {"a/one.py"}

    def test_deleted_but_tracked_file_is_not_an_error(self, git_repo: Path) -> None:
        write_tree(git_repo, {"gone.py": "x = 1\n", "kept.py": "y = 1\n"})
        git(git_repo, "add", ".")
        git(git_repo, "commit", "-qm", "init")
        (git_repo / "gone.py").unlink()
        result = run_cli("scan", "--format", "json", ".", cwd=git_repo)
        assert result.exit_code == 0
        assert result.json()["errors"] == []
        assert result.json()["summary"]["files_scanned"] == 1

    def test_symlink_out_of_the_repo_is_reported_not_followed(
        self, git_repo: Path, tmp_path: Path, fake: object
    ) -> None:
        token = fake("{{crc_token:ghp}}")  # type: ignore[operator]
        write_tree(tmp_path / "outside", {"leak.py": f'T = "{token}"\n'})
        (git_repo / "link.py").symlink_to(tmp_path / "outside" / "leak.py")
        (git_repo / "linkdir").symlink_to(tmp_path / "outside")
        result = run_cli("scan", "--format", "json", ".", cwd=git_repo)
        assert result.exit_code == 0
        report = result.json()
        assert report["findings"] == []
        assert {(s["path"], s["reason"]) for s in report["skipped"]} == {
            ("link.py", "symlink-outside-root"),
            ("linkdir", "symlink-outside-root"),
        }


class TestWalk:
    def test_default_excludes(self, tmp_path: Path) -> None:
        write_tree(
            tmp_path,
            {
                "src/app.py": "x = 1\n",
                ".git/config": "[core]\n",
                "node_modules/pkg/index.js": "x\n",
                "myenv/pyvenv.cfg": "home = /usr\n",
                "myenv/lib/site.py": "x = 1\n",
                ".venv/lib/site.py": "x = 1\n",
                "__pycache__/app.cpython-312.pyc": b"\x00\x01",
                ".tox/py/x.py": "x = 1\n",
                "pkg.egg-info/PKG-INFO": "x\n",
                ".mypy_cache/x.json": "{}\n",
            },
        )
        scanned, skipped = names(tmp_path)
        assert scanned == {"src/app.py"}
        assert skipped == set()

    def test_symlinks(self, tmp_path: Path) -> None:
        root = write_tree(tmp_path / "root", {"real.py": "x = 1\n", "dir/inner.py": "y = 1\n"})
        write_tree(tmp_path / "outside", {"secret.py": "z = 1\n"})
        (root / "out_file.py").symlink_to(tmp_path / "outside" / "secret.py")
        (root / "out_dir").symlink_to(tmp_path / "outside")
        (root / "in_file.py").symlink_to(root / "real.py")
        (root / "in_dir").symlink_to(root / "dir")
        (root / "dangling.py").symlink_to(tmp_path / "nowhere.py")
        scanned, skipped = names(root)
        assert scanned == {"real.py", "dir/inner.py"}
        assert skipped == {
            "out_file.py:symlink-outside-root",
            "out_dir:symlink-outside-root",
            "in_file.py:symlink",
            "dangling.py:symlink-outside-root",
        }

    def test_excludes_match_paths_and_folder_names(self, tmp_path: Path) -> None:
        write_tree(
            tmp_path,
            {"a/gen/x.py": "1\n", "a/keep.py": "1\n", "docs/b.md": "1\n", "t/test_x.py": "1\n"},
        )
        scanned, _ = names(tmp_path, exclude=("gen", "docs/*", "test_*.py"))
        assert scanned == {"a/keep.py"}

    def test_explicit_paths_and_dedup(self, tmp_path: Path) -> None:
        write_tree(tmp_path, {"a/x.py": "1\n", "a/y.py": "1\n", "node_modules/m.js": "1\n"})
        scanned, _ = names(tmp_path, "a", "a/x.py", "node_modules/m.js")
        assert scanned == {"a/x.py", "a/y.py", "node_modules/m.js"}

    def test_explicit_fifo_and_dangling_link_are_skipped_not_read(self, tmp_path: Path) -> None:
        os.mkfifo(tmp_path / "pipe")
        (tmp_path / "dangling.py").symlink_to(tmp_path / "missing.py")
        scanned, skipped = names(tmp_path, "pipe", "dangling.py")
        assert scanned == set()
        assert skipped == {"pipe:not-a-file", "dangling.py:not-a-file"}

    def test_explicit_file_is_excluded_only_with_force_exclude(self, tmp_path: Path) -> None:
        write_tree(tmp_path, {"gen/x.py": "1\n"})
        old = Path.cwd()
        os.chdir(tmp_path)
        try:
            kept, _ = discover(["gen/x.py"], ["gen"])
            forced, _ = discover(["gen/x.py"], ["gen"], force_exclude=True)
        finally:
            os.chdir(old)
        assert [c.display for c in kept] == ["gen/x.py"]
        assert forced == []

    def test_missing_path_raises_usage_error(self, tmp_path: Path) -> None:
        with pytest.raises(UsageError, match="path does not exist: nope"):
            discover(["nope"], [], cwd=tmp_path)

    def test_paths_outside_cwd_are_absolute_posix(self, tmp_path: Path) -> None:
        write_tree(tmp_path / "proj", {"a.py": "1\n"})
        (tmp_path / "elsewhere").mkdir()
        old = Path.cwd()
        os.chdir(tmp_path / "elsewhere")
        try:
            found, _ = discover([str(tmp_path / "proj")], [])
        finally:
            os.chdir(old)
        assert [c.display for c in found] == [(tmp_path / "proj" / "a.py").as_posix()]


class TestReading:
    def candidate(self, path: Path) -> Candidate:
        return Candidate(str(path), path.name)

    def test_binary_by_nul_sniff(self, tmp_path: Path) -> None:
        path = tmp_path / "x.dat"
        path.write_bytes(b"text at first" + b"\x00" + b"more")
        assert read_source(self.candidate(path), 1000) == Skipped(
            "x.dat", "binary", "NUL byte in the first 8 KiB"
        )

    def test_too_large(self, tmp_path: Path) -> None:
        path = tmp_path / "big.txt"
        path.write_text("a" * 101)
        assert read_source(self.candidate(path), 100) == Skipped(
            "big.txt", "too-large", "101 bytes > limit 100"
        )
        small = read_source(self.candidate(path), 101)
        assert not isinstance(small, Skipped) and small.text == "a" * 101

    @pytest.mark.parametrize(
        ("data", "text", "encoding"),
        [
            (b"plain\n", "plain\n", "utf-8"),
            ("h\u00e9\n".encode(), "h\u00e9\n", "utf-8"),
            (b"\xef\xbb\xbfbom\n", "bom\n", "utf-8"),
            ("caf\u00e9\n".encode("latin-1"), "caf\u00e9\n", "latin-1"),
            (b"\xff\xfe" + "wide\n".encode("utf-16-le"), "wide\n", "utf-16"),
        ],
    )
    def test_decode_never_fails(self, data: bytes, text: str, encoding: str) -> None:
        assert decode(data) == (text, encoding)

    def test_utf16_with_nul_bytes_is_text_not_binary(self, tmp_path: Path) -> None:
        path = tmp_path / "w.txt"
        path.write_bytes(b"\xff\xfe" + "password = x\n".encode("utf-16-le"))
        source = read_source(self.candidate(path), 10_000)
        assert not isinstance(source, Skipped)
        assert source.text == "password = x\n"

    @pytest.mark.parametrize(
        ("name", "head", "kind"),
        [
            ("a.py", "", "python"),
            ("a.pyi", "", "python"),
            ("bin/tool", "#!/usr/bin/env python3\nimport x\n", "python"),
            ("bin/tool", "#!/bin/sh\n", "text"),
            ("a.yaml", "", "text"),
        ],
    )
    def test_classify(self, tmp_path: Path, name: str, head: str, kind: str) -> None:
        path = tmp_path / "f"
        path.write_text(head or "x\n")
        source = read_source(Candidate(str(path), name), 10_000)
        assert not isinstance(source, Skipped) and source.kind == kind


def test_is_excluded_matches_any_parent_folder() -> None:
    assert is_excluded("a/b/c.py", ["b"])
    assert is_excluded("a/b/c.py", ["a/b/"])
    assert is_excluded("a/b/c.py", ["*.py"])
    assert not is_excluded("a/b/c.py", ["c"])
    assert not is_excluded("ab/c.py", ["a"])
    assert is_excluded("build/x.py", ["./build/"])


def _excluded_part_by_part(display: str, patterns: tuple[str, ...]) -> bool:
    """`is_excluded` as written before its folders were remembered: every parent, every time."""
    matches = _glob_matcher(patterns)
    posix = PurePosixPath(display)
    folders = [p for p in posix.parents if str(p) != "."]
    return any(matches(p) for p in (posix.as_posix(), *(f.as_posix() for f in folders))) or any(
        matches(p) for p in (posix.name, *(f.name for f in folders))
    )


_PARTS = st.sampled_from(["", ".", "..", "src", "build", "a.py", "node_modules", "x*", "/", "//"])
_GLOBS = st.sampled_from(["build", "build/", "*.py", "src/*", "/abs", "a*", "./src", "**/x", ".*"])


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(_PARTS, max_size=6), patterns=st.lists(_GLOBS, min_size=1, max_size=3))
def test_excluded_folders_remembered_answer_as_asked_part_by_part(
    parts: list[str], patterns: list[str]
) -> None:
    display = "/".join(parts)
    assert is_excluded(display, patterns) == _excluded_part_by_part(display, tuple(patterns))
