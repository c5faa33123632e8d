"""Batches never abort (issue 13 item 6, issue 9): unreadable submissions become error rows with
their reasons, broken history degrades to "history unavailable", temp folders never outlive a
signal, and bad inputs to `grade` are one-line errors. Real git, real archives, real signals."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest
from calibration import load_build
from click.testing import CliRunner
from conftest import on_a_terminal

from secretcheck.cli import main
from secretcheck.findings import ScanError, ScanResult
from secretcheck.grading.grade import grade_paths, grade_submission, scan_tree
from secretcheck.grading.render import get_grade_renderer
from secretcheck.grading.rubric import load_rubric
from secretcheck.grading.submission import open_submission
from secretcheck.settings import Settings
from secretcheck.sources import Candidate

BUILD = load_build()
CLI = [sys.executable, "-c", "from secretcheck.cli import main; main()"]


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                          check=True)  # fmt: skip
    return done.stdout.strip()


def _delete_object(repo: Path, rev: str) -> str:
    sha = _git(repo, "rev-parse", rev)
    (repo / ".git" / "objects" / sha[:2] / sha[2:]).unlink()
    return sha


def _corrupt_pack(repo: Path) -> None:
    _git(repo, "gc", "-q")
    (pack,) = (repo / ".git" / "objects" / "pack").glob("*.pack")
    data = bytearray(pack.read_bytes())
    for i in range(200, len(data) - 40, 7):  # keep the header, garble the objects
        data[i] ^= 0x55
    pack.chmod(0o644)
    pack.write_bytes(bytes(data))


def _zip(path: Path, entries: dict[str, bytes], flag_bits: int = 0, method: int = 0) -> Path:
    """A zip whose entries claim `flag_bits` (1: encrypted) or compression `method` (9:
    deflate64), as other tools write them; zipfile writes neither, so the headers are patched
    (general-purpose flags and method, in local headers and the central directory)."""
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    raw = bytearray(path.read_bytes())
    for sig, flags_at, method_at in ((b"PK\x03\x04", 6, 8), (b"PK\x01\x02", 8, 10)):
        at = raw.find(sig)
        while at != -1:
            flags = int.from_bytes(raw[at + flags_at : at + flags_at + 2], "little") | flag_bits
            raw[at + flags_at : at + flags_at + 2] = flags.to_bytes(2, "little")
            if method:
                raw[at + method_at : at + method_at + 2] = method.to_bytes(2, "little")
            at = raw.find(sig, at + 4)
    path.write_bytes(bytes(raw))
    return path


def _json_report(args: Sequence[str], tmp_path: Path) -> tuple[int, dict, str]:  # type: ignore[type-arg]
    report = tmp_path / "report.json"
    result = CliRunner().invoke(main, ["grade", "--format", "json", "-o", str(report), *args])
    doc = json.loads(report.read_text(encoding="utf-8")) if report.exists() else {}
    return result.exit_code, doc, result.output


def test_a_missing_git_object_marks_that_submission_and_grades_the_others(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    BUILD.build(inbox, ["good", "bare-minimum", "removed-key"])
    missing = _delete_object(inbox / "removed-key", "HEAD~1")  # a commit object, not a blob
    code, doc, output = _json_report(["--batch", str(inbox)], tmp_path)
    assert code == 0, output
    subs = {s["name"]: s for s in doc["submissions"]}
    assert set(subs) == {"good", "bare-minimum", "removed-key"}
    broken = subs["removed-key"]
    assert broken["confidence"] == "reduced" and not broken["error"]
    (note,) = [n for n in broken["notes"] if n.startswith("History unavailable")]
    assert missing in note  # the reason names the unreadable object
    assert broken["score"] is not None and broken["dimensions"]
    for name in ("good", "bare-minimum"):
        assert subs[name]["confidence"] == "high" and not subs[name]["notes"]
    scores = [s["score"] for s in doc["submissions"]]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to hand a repository to another user")
def test_hostile_batch_grades_the_rest_and_lists_the_three(tmp_path: Path) -> None:
    """Issue 9 "done when": another user's repository, a corrupt pack, an encrypted zip."""
    inbox = tmp_path / "inbox"
    BUILD.build(inbox, ["good", "mediocre", "bare-minimum"])
    shutil.move(inbox / "bare-minimum", inbox / "foreign")
    subprocess.run(["chown", "-R", "65534:65534", str(inbox / "foreign")], check=True)
    _corrupt_pack(inbox / "mediocre")
    _zip(inbox / "locked.zip", {"app.py": b"x = 1\n"}, flag_bits=0x1)
    _zip(inbox / "deflate64.zip", {"app.py": b"x = 1\n"}, method=9)
    zipfile.ZipFile(inbox / "plain.zip", "w").writestr("main.py", "print(1)\n")
    code, doc, output = _json_report(["--batch", str(inbox)], tmp_path)
    assert code == 3, output  # documented: a report, but not everything could be graded
    assert "Traceback" not in output
    subs = {s["name"]: s for s in doc["submissions"]}
    assert "encrypted" in subs["locked"]["error"] and subs["locked"]["score"] is None
    assert "compression method 9" in subs["deflate64"]["error"]
    assert "not graded: locked" in output and "not graded: deflate64" in output
    corrupt = subs["mediocre"]
    assert not corrupt["error"] and corrupt["confidence"] == "reduced"
    assert any("History unavailable" in n for n in corrupt["notes"])
    foreign = subs["foreign"]  # another user's repository: graded, never an error row
    assert not foreign["error"] and foreign["dimensions"]
    graded = [s for s in doc["submissions"] if not s["error"]]
    assert {s["name"] for s in graded} == {"good", "mediocre", "foreign", "plain"}
    assert doc["submissions"][-2:] == [s for s in doc["submissions"] if s["error"]]
    assert not any("dubious ownership" in n for n in foreign["notes"]), foreign["notes"]
    assert foreign["confidence"] == "high"
    assert any(i["key"] == "single-commit" for d in foreign["dimensions"]
               for i in d["deductions"])  # fmt: skip  # its history was read


UNREADABLE_ZIPS = [(1, 0, "is encrypted"), (0, 9, "unsupported compression method 9")]


@pytest.mark.parametrize(("flag_bits", "method", "reason"), UNREADABLE_ZIPS)
def test_unreadable_zip_alone_is_a_one_line_error(
    tmp_path: Path, flag_bits: int, method: int, reason: str
) -> None:
    archive = _zip(tmp_path / "sub.zip", {"app.py": b"x = 1\n"}, flag_bits, method)
    result = CliRunner().invoke(main, ["grade", str(archive)])
    assert result.exit_code == 2
    assert reason in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not list(Path(os.environ.get("TMPDIR", "/tmp")).glob("secretcheck-grade-*/app.py"))


def test_rubric_that_is_not_utf8_is_a_one_line_error(tmp_path: Path) -> None:
    rubric = tmp_path / "rubric.toml"
    rubric.write_bytes(b"version = 1\n# caf\xe9\n")
    (tmp_path / "sub").mkdir()
    result = CliRunner().invoke(main, ["grade", "--rubric", str(rubric), str(tmp_path / "sub")])
    assert result.exit_code == 2
    assert "not UTF-8" in result.output and "Traceback" not in result.output


def test_report_over_a_non_utf8_file_name(tmp_path: Path) -> None:
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / os.fsdecode(b"\xff-settings.py")).write_text(
        "import os\nfrom flask import Flask\n\napp = Flask(__name__)\n"
        'SECRET = os.environ["APP_SECRET"]\napp.run(debug=True)\n',
        encoding="utf-8",
    )
    for fmt in ("json", "text", "markdown", "html"):  # csv lists no file names
        report = tmp_path / f"r.{fmt}"
        result = CliRunner().invoke(main, ["grade", "--format", fmt, "-o", str(report), str(sub)])
        assert result.exit_code == 0, (fmt, result.output)
        text = report.read_text(encoding="utf-8")
        assert "\\xff-settings.py" in text, fmt
    doc = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert doc["submissions"][0]["findings"]


def test_detector_failure_reduces_confidence_and_never_raises_the_score(tmp_path: Path) -> None:
    """A detector crash cannot be caused on purpose, so the seam reports one for a real file
    the way the pipeline does (an `errors` entry; the file keeps its text-detector findings)."""
    repo = BUILD.build(tmp_path, ["mediocre"])["mediocre"]
    rubric, settings = load_rubric(), Settings(use_cache=False)

    def failing(candidates: Sequence[Candidate], settings: Settings) -> ScanResult:
        result = scan_tree(candidates, settings)
        error = ScanError("app.py", "internal error (RecursionError); please report")
        return replace(result, errors=(*result.errors, error))

    with open_submission(repo) as sub:
        normal = grade_submission(sub, rubric, settings)
        failed = grade_submission(sub, rubric, settings, tree_scanner=failing)
    assert normal.confidence == "high" and failed.confidence == "reduced"
    assert failed.score <= normal.score
    (note,) = [n for n in failed.notes if n.startswith("Confidence reduced")]
    assert "app.py" in note and "RecursionError" in note
    text = get_grade_renderer("text")([failed])
    assert "[confidence: reduced]" in text and "app.py: internal error" in text


def test_process_pool_and_serial_grading_agree(tmp_path: Path) -> None:
    built = BUILD.build(tmp_path, ["good", "poor", "django-tests"])
    paths, rubric = sorted(built.values()), load_rubric()
    serial = grade_paths(paths, rubric, jobs=1)
    pooled = grade_paths(paths, rubric, jobs=2)
    render = get_grade_renderer("json")
    assert render(serial) == render(pooled)


def test_progress_is_shown_on_a_terminal(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    BUILD.build(inbox, ["good", "bare-minimum"])
    code, out, tty = on_a_terminal(["grade", "--batch", "-j", "2", str(inbox)], tmp_path)
    assert code == 0
    assert "grading" in tty and "100%" in tty
    assert "Leaderboard" in out and "grading" not in out  # progress never mixes into reports


def _big_zip(archive: Path) -> Path:
    body = "".join(f"def f{i}(x):\n    return x + {i}\n\n" for i in range(300))
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for i in range(1500):
            zf.writestr(
                f"proj/pkg{i % 30}/mod{i}.py", f"import os\nKEY = os.environ['K{i}']\n{body}"
            )
    return archive


@pytest.mark.slow
@pytest.mark.parametrize(
    ("signum", "batch"), [(signal.SIGTERM, False), (signal.SIGINT, False), (signal.SIGTERM, True)]
)
def test_signal_during_archive_grading_removes_the_unpacked_copy(
    tmp_path: Path, signum: int, batch: bool
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    archives = [_big_zip(inbox / f"big{i}.zip") for i in range(2 if batch else 1)]
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp)}
    args = ["--batch", "-j", "2", str(inbox)] if batch else [str(archives[0])]
    proc = subprocess.Popen([*CLI, "grade", *args], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)  # fmt: skip
    deadline = time.monotonic() + 60
    while (
        # each task unpacks inside its own folder (secretcheck-grade-task-*/secretcheck-grade-*)
        len(list(temp.glob("secretcheck-grade-*/**/proj/pkg0"))) < len(archives)
        and time.monotonic() < deadline
    ):
        time.sleep(0.05)
    assert list(temp.glob("secretcheck-grade-*")), "grading never unpacked the archive"
    time.sleep(0.5)  # well inside the scan of 1500 files
    proc.send_signal(signum)  # to the CLI only: in a batch, it must pass it on to its workers
    code = proc.wait(timeout=60)
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    assert code != 0 and "Traceback" not in stderr, stderr
    assert not list(temp.glob("secretcheck-grade-*"))
