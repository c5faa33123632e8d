"""Archives are untrusted: entries that escape, links out and bombs are refused; nothing leaks."""

from __future__ import annotations

import contextlib
import io
import json
import tarfile
import tempfile
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from secretcheck.cli import main
from secretcheck.grading.archive import ArchiveError, ArchiveLimits, unpack_archive
from secretcheck.grading.submission import open_submission


def _zip(path: Path, entries: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression=method) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return path


def _tar(path: Path, members: list[tarfile.TarInfo], data: dict[str, bytes]) -> Path:
    with tarfile.open(path, "w:gz") as tf:
        for info in members:
            payload = data.get(info.name)
            if payload is not None:
                info.size = len(payload)
            tf.addfile(info, io.BytesIO(payload) if payload is not None else None)
    return path


def test_zip_with_dotdot_entry_is_refused_and_nothing_escapes(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    archive = _zip(inbox / "sub.zip", {"app.py": b"print(1)\n", "../../escaped.txt": b"x"})
    result = CliRunner().invoke(main, ["grade", str(archive)])
    assert result.exit_code == 2
    assert "refused" in result.output and "'..'" in result.output
    assert "Traceback" not in result.output
    assert not list(tmp_path.rglob("escaped.txt"))


def test_absolute_entry_is_refused(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "abs.zip", {"/tmp/owned.txt": b"x"})
    with pytest.raises(ArchiveError, match="absolute"):
        unpack_archive(archive, _empty(tmp_path / "out"))


def _empty(path: Path) -> Path:
    path.mkdir()
    return path


def test_zip_bomb_is_stopped_by_the_ratio_cap(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "bomb.zip", {"zeros.txt": b"\0" * (20 * 1024 * 1024)})
    assert archive.stat().st_size < 100_000  # a real bomb: tiny archive, huge content
    out = _empty(tmp_path / "out")
    with pytest.raises(ArchiveError, match="ratio"):
        unpack_archive(archive, out)
    assert sum(f.stat().st_size for f in out.rglob("*") if f.is_file()) == 0


def test_total_size_and_file_count_caps(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "big.zip", {f"f{i}.txt": b"a" * 1000 for i in range(50)},
                   method=zipfile.ZIP_STORED)  # fmt: skip
    with pytest.raises(ArchiveError, match="uncompressed size"):
        unpack_archive(archive, _empty(tmp_path / "a"), ArchiveLimits(max_total_bytes=10_000))
    with pytest.raises(ArchiveError, match="entries"):
        unpack_archive(archive, _empty(tmp_path / "b"), ArchiveLimits(max_files=10))


def test_tar_stream_bomb_stopped_while_reading(tmp_path: Path) -> None:
    info = tarfile.TarInfo("huge.bin")
    archive = _tar(tmp_path / "bomb.tar.gz", [info], {"huge.bin": b"\0" * (8 * 1024 * 1024)})
    with pytest.raises(ArchiveError, match="bomb"):
        unpack_archive(archive, _empty(tmp_path / "out"))


def test_symlink_escape_in_tar_is_refused(tmp_path: Path) -> None:
    link = tarfile.TarInfo("project/config")
    link.type, link.linkname = tarfile.SYMTYPE, "../../../etc/passwd"
    archive = _tar(tmp_path / "link.tgz", [link], {})
    result = CliRunner().invoke(main, ["grade", str(archive)])
    assert result.exit_code == 2
    assert "link" in result.output and "points outside" in result.output


def test_hardlink_escape_in_tar_is_refused(tmp_path: Path) -> None:
    link = tarfile.TarInfo("a/b")
    link.type, link.linkname = tarfile.LNKTYPE, "../outside"
    with pytest.raises(ArchiveError, match="points outside"):
        unpack_archive(_tar(tmp_path / "hard.tar.gz", [link], {}), _empty(tmp_path / "out"))


def test_inside_links_are_listed_not_created_and_nested_archives_stay_closed(
    tmp_path: Path,
) -> None:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("../../evil.txt", "x")
    link = tarfile.TarInfo("p/alias.py")
    link.type, link.linkname = tarfile.SYMTYPE, "app.py"
    members = [tarfile.TarInfo("p/app.py"), tarfile.TarInfo("p/vendor.zip"), link]
    archive = _tar(tmp_path / "ok.tar.gz", members,
                   {"p/app.py": b"x = 1\n", "p/vendor.zip": inner.getvalue()})  # fmt: skip
    out = _empty(tmp_path / "out")
    report = unpack_archive(archive, out)
    assert report.skipped_links == ["p/alias.py"]
    assert (out / "p" / "app.py").read_text() == "x = 1\n"
    assert zipfile.is_zipfile(out / "p" / "vendor.zip")  # written as a file, never opened
    assert not (out / "p" / "alias.py").exists()
    assert not list(tmp_path.rglob("evil.txt"))


def test_archive_submission_unpacks_to_a_temporary_folder_that_is_removed(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "cand.zip", {"cand/app.py": b"import os\n"})
    with open_submission(archive) as sub:
        root = sub.root
        assert sub.name == "cand" and sub.files == ("app.py",) and root.is_dir()
    assert not root.exists()


def test_an_archive_grades_the_same_every_time(tmp_path: Path, fake: object) -> None:
    token = fake("{{alnum:32}}")  # type: ignore[operator]
    archive = _zip(tmp_path / "cand.zip", {
        "cand/app.py": f'import os\napi_key = "{token}"\nDEBUG = True\n'.encode(),
        "cand/tests/test_app.py": b"def test_ok():\n    assert True\n",
    })  # fmt: skip
    runner = CliRunner()
    first = runner.invoke(main, ["grade", "--format", "json", str(archive)])
    second = runner.invoke(main, ["grade", "--format", "json", str(archive)])
    assert first.exit_code == 0 and first.output == second.output
    assert '"path": "app.py"' in first.output and token not in first.output


def test_a_zipped_repository_is_graded_with_its_history(git_repo: Path, fake: object) -> None:
    from conftest import git

    token = fake("AKIA{{upper:16}}")  # type: ignore[operator]
    (git_repo / "app.py").write_text(f'KEY_ID = "{token}"\n', encoding="utf-8")
    git(git_repo, "add", "-A")
    git(git_repo, "commit", "-q", "-m", "Add the client with its key")
    (git_repo / "app.py").write_text('import os\nKEY_ID = os.environ["KEY_ID"]\n')
    git(git_repo, "commit", "-q", "-am", "Read the key from the environment instead")
    archive = git_repo.parent / "candidate.tar.gz"
    with tarfile.open(archive, "w:gz") as tf:
        tf.add(git_repo, arcname="candidate")
    result = CliRunner().invoke(main, ["grade", "--format", "json", str(archive)])
    assert result.exit_code == 0, result.output
    (sub,) = json.loads(result.output)["submissions"]
    (leak,) = [f for f in sub["findings"] if f.get("status") == "removed"]
    assert leak["path"] == "app.py" and len(leak["commit"]) == 40
    assert token not in result.output


def test_missing_or_wrong_inputs_exit_2_without_traceback(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(main, ["grade", str(tmp_path / "nope")])
    assert missing.exit_code == 2 and "does not exist" in missing.output
    (tmp_path / "notes.txt").write_text("x")
    not_archive = runner.invoke(main, ["grade", str(tmp_path / "notes.txt")])
    assert (
        not_archive.exit_code == 2 and "not a folder or a supported archive" in not_archive.output
    )
    empty = runner.invoke(main, ["grade", "--batch", str(_empty(tmp_path / "inbox"))])
    assert empty.exit_code == 2 and "no submissions" in empty.output
    assert "Traceback" not in missing.output + not_archive.output + empty.output


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.text(alphabet="ab./\\\\:", min_size=1, max_size=12), min_size=1, max_size=4, unique=True
    )
)
def test_no_entry_name_ever_writes_outside(names: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        archive = base / "in.zip"
        with zipfile.ZipFile(archive, "w") as zf:
            for name in names:
                with contextlib.suppress(ValueError):
                    zf.writestr(name, b"x")
        out = base / "deep" / "out"
        out.mkdir(parents=True)
        with contextlib.suppress(ArchiveError):
            unpack_archive(archive, out)
        outside = [p for p in base.rglob("*") if p.is_file() and out not in p.parents
                   and p != archive]  # fmt: skip
        assert not outside
