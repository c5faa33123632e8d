"""Batch `grade` on the fleet's execution layer (issue 14 item 2): one task per submission in a
limited child process, local threads or a real 2-worker `distributed.LocalCluster`, the same
report either way, error rows for what cannot be graded, and no secret value on the wire.

Submissions are built at run time: calibration repositories (benchmarks/grading/build.py, whose
fake secrets are templates), a plain folder and a zip holding a secret made by
`secretcheck.examples.expand`, and a zip flagged as encrypted.
"""

from __future__ import annotations

import json
import pickle
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from calibration import load_build
from click.testing import CliRunner, Result

from secretcheck.cli import main
from secretcheck.examples import expand
from secretcheck.fleet.child import Limits
from secretcheck.fleet.executor import LocalExecutor
from secretcheck.fleet.grade_task import grade_on, load_grade
from secretcheck.grading.grade import GradeOptions, grade_one
from secretcheck.grading.rubric import load_rubric
from secretcheck.settings import Settings

BUILD = load_build()
TOKEN = expand("{{crc_token:ghp}}", "grade-fleet-token")
AWS = expand("AKIA{{upper:16}}", "grade-fleet-aws")


def _encrypted_zip(path: Path) -> Path:
    """A zip whose entries claim to be encrypted (flag bit 0), as other tools write them."""
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("app.py", "x = 1\n")
    raw = bytearray(path.read_bytes())
    for sig, flags_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = raw.find(sig)
        while at != -1:
            raw[at + flags_at] |= 0x1
            at = raw.find(sig, at + 4)
    path.write_bytes(bytes(raw))
    return path


def build_inbox(root: Path) -> Path:
    """Two git repositories, a plain folder, a zip and an encrypted zip (an error row)."""
    inbox = root / "inbox"
    BUILD.build(inbox, ["good", "poor"])
    folder = inbox / "folder"
    folder.mkdir()
    (folder / "app.py").write_text(f'import os\n\nTOKEN = "{TOKEN}"\n', encoding="utf-8")
    with zipfile.ZipFile(inbox / "zipped.zip", "w") as zf:
        zf.writestr("proj/settings.py", f'AWS_ACCESS_KEY_ID = "{AWS}"\n')
        zf.writestr("proj/main.py", "import os\n\nprint(os.environ['HOME'])\n")
    _encrypted_zip(inbox / "locked.zip")
    return inbox


@pytest.fixture(scope="module")
def inbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_inbox(tmp_path_factory.mktemp("grade-fleet"))


def grade_cli(*args: str) -> Result:
    return CliRunner().invoke(main, ["grade", *args], catch_exceptions=False)


def windows(secret: str, size: int = 8) -> Iterator[str]:
    return (secret[i : i + size] for i in range(len(secret) - size + 1))


def assert_no_secret(data: bytes, where: str) -> None:
    text = data.decode("utf-8", "replace")
    for secret in (TOKEN, AWS):
        assert not [w for w in windows(secret) if w in text], f"{where} holds part of a secret"


def test_local_batch_grades_each_kind_and_lists_the_encrypted_zip(
    inbox: Path, tmp_path: Path
) -> None:
    report = tmp_path / "local.json"
    result = grade_cli("--batch", "--format", "json", "-o", str(report), str(inbox))
    assert result.exit_code == 3, result.output
    subs = {s["name"]: s for s in json.loads(report.read_text())["submissions"]}
    assert set(subs) == {"good", "poor", "folder", "zipped", "locked"}
    assert "encrypted" in subs["locked"]["error"] and subs["locked"]["score"] is None
    assert {f["rule_id"] for f in subs["folder"]["findings"]} == {"SC303"}  # a GitHub token
    assert subs["zipped"]["findings"] and not subs["zipped"]["error"]
    assert subs["good"]["score"] > subs["poor"]["score"]
    assert_no_secret(report.read_bytes() + result.output.encode(), "the local report")


def test_time_limit_makes_an_error_row(inbox: Path, tmp_path: Path) -> None:
    big = tmp_path / "big"  # 600 modules: seconds of scanning, far past the limit
    body = "".join(f"def f{i}(x):\n    return x + {i}\n\n" for i in range(200))
    for i in range(600):
        (big / f"pkg{i % 20}").mkdir(parents=True, exist_ok=True)
        (big / f"pkg{i % 20}" / f"mod{i}.py").write_text(f"import os\n{body}", encoding="utf-8")
    report = tmp_path / "r.json"
    result = grade_cli("--format", "json", "-o", str(report), "--time-limit", "0.5",
                       str(big), str(inbox / "folder"))  # fmt: skip
    assert result.exit_code == 3, result.output
    errors = {s["name"]: s["error"] for s in json.loads(report.read_text())["submissions"]}
    assert errors == {"big": "time limit: not finished in 0.5 s", "folder": ""}


def test_memory_cap_is_enforced_in_the_task_process(tmp_path: Path) -> None:
    # A submission that needs memory: 1 MB of request handlers to parse. (The warm process has
    # already imported every detector, so a tiny submission can grade within 20 MB.)
    hungry = tmp_path / "hungry"
    hungry.mkdir()
    body = "".join(
        f'def f{i}(request):\n    return request.args.get("q{i}") + "x" * {i}\n\n'
        for i in range(15000)
    )
    (hungry / "big.py").write_text(body, encoding="utf-8")
    result = grade_cli("--format", "json", "--memory-limit", "20", str(hungry))
    assert result.exit_code == 2, result.output  # one submission, not graded: a plain error
    assert "memory" in result.output and "Traceback" not in result.output


def test_a_grade_leaves_its_task_process_without_any_secret_value(inbox: Path) -> None:
    rubric, settings = load_rubric(), Settings(use_cache=False, jobs=1)
    inline = grade_one(inbox / "zipped.zip", rubric, settings)
    assert AWS in {f.secret for f in inline.findings}  # the value was there to leak
    received: list[bytes] = []
    grades = grade_on(
        LocalExecutor(2), [inbox / "zipped.zip", inbox / "folder"], rubric, settings,
        GradeOptions(), Limits(time=120), on_done=lambda g: received.append(pickle.dumps(g)),
    )  # fmt: skip
    assert len(received) == 2 and all(g.findings for g in grades)
    assert_no_secret(b"\n".join(received), "a grade sent back by a task")
    score = {g.name: g.score for g in grades}["zipped"]
    assert score == inline.score  # scored in the child, before the values were dropped


def test_a_result_naming_any_other_class_is_refused() -> None:
    class Evil:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (print, ("ran",))

    assert load_grade(pickle.dumps(Evil())) is None
    assert load_grade(b"") is None


def test_progress_lines_only_with_verbose_when_not_a_terminal(inbox: Path) -> None:
    members = [str(inbox / n) for n in ("folder", "zipped.zip")]
    plain = grade_cli("--format", "csv", *members)
    assert plain.exit_code == 0 and "grading: [" not in plain.output
    verbose = grade_cli("--format", "csv", "-v", *members)
    assert verbose.exit_code == 0, verbose.output
    assert "grading: [1/2]" in verbose.output and "grading: [2/2]" in verbose.output


def test_dask_without_a_scheduler_is_a_usage_error(inbox: Path) -> None:
    result = grade_cli("--batch", "--executor", "dask", str(inbox))
    assert result.exit_code == 2 and "--scheduler" in result.output


@pytest.mark.slow
def test_local_cluster_gives_the_same_batch_report_as_local(
    inbox: Path, dask_cluster: str, tmp_path: Path
) -> None:
    for fmt in ("json", "csv", "markdown"):
        local, dask = tmp_path / f"local.{fmt}", tmp_path / f"dask.{fmt}"
        done_local = grade_cli("--batch", "--format", fmt, "-o", str(local), str(inbox))
        done_dask = grade_cli("--batch", "--format", fmt, "-o", str(dask), "--executor", "dask",
                              "--scheduler", dask_cluster, str(inbox))  # fmt: skip
        assert done_dask.exit_code == done_local.exit_code == 3, done_dask.output
        assert dask.read_bytes() == local.read_bytes(), fmt
        assert "not graded: locked" in done_dask.output
        assert_no_secret(dask.read_bytes() + done_dask.output.encode(), f"the dask {fmt} report")
    subs = json.loads((tmp_path / "dask.json").read_text())["submissions"]
    assert sum(1 for s in subs if s["error"]) == 1 and len(subs) == 5


@pytest.mark.slow
def test_no_secret_crosses_from_a_dask_worker(inbox: Path, dask_cluster: str) -> None:
    from secretcheck.fleet.executor import DaskExecutor

    received: list[bytes] = []
    grades = grade_on(
        DaskExecutor(dask_cluster, retries=1),
        [inbox / "zipped.zip", inbox / "folder"],
        load_rubric(),
        Settings(use_cache=False), GradeOptions(), Limits(time=120),
        on_done=lambda g: received.append(pickle.dumps(g)),
    )  # fmt: skip
    assert sum(len(g.findings) for g in grades) >= 2  # there was something to leak
    assert_no_secret(b"\n".join(received), "a grade sent back by a Dask worker")
