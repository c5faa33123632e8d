"""The one report writer: bytes with surrogateescape, on stdout and in -o alike; refuses FIFOs
and other non-regular targets with a one-line error (exit 2) instead of hanging or crashing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import leaky_files, run_cli, write_tree

NON_UTF8 = "caf\udce9.py"  # the file name b"caf\xe9.py", as Python shows it


def _tree_with_non_utf8_name(root: Path, fake: object) -> Path:
    write_tree(root, leaky_files())
    token = fake("{{crc_token:ghp}}")  # type: ignore[operator]
    (root / os.fsencode(NON_UTF8).decode("utf-8", "surrogateescape")).write_text(
        f'TOKEN = "{token}"\n', encoding="utf-8"
    )
    return root


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses non-UTF-8 file names")
def test_json_to_stdout_with_a_non_utf8_file_name(tmp_path: Path, fake: object) -> None:
    root = _tree_with_non_utf8_name(tmp_path / "t", fake)
    # A real process with a UTF-8 stdout, as in CI: the text write used to raise here.
    done = subprocess.run(
        [sys.executable, "-m", "secretcheck.cli", "scan", "--format", "json", "--no-cache", "."],
        cwd=root, capture_output=True, env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )  # fmt: skip
    assert done.returncode == 1, done.stderr.decode()
    assert b"Traceback" not in done.stderr
    document = json.loads(done.stdout.decode("utf-8", "surrogateescape"))
    paths = {f["path"] for f in document["findings"]}
    assert NON_UTF8 in paths
    written = tmp_path / "report.json"
    again = run_cli("scan", "--format", "json", "--no-cache", "-o", str(written), ".", cwd=root)
    assert again.exit_code == 1
    assert written.read_bytes() == done.stdout


def test_output_to_a_fifo_is_refused(tmp_path: Path) -> None:
    write_tree(tmp_path, leaky_files())
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = run_cli("scan", "--no-cache", "-o", str(fifo), ".", cwd=tmp_path)
    assert result.exit_code == 2
    assert "not a regular file" in result.stderr
    assert result.stderr.count("\n") == 1


def test_output_to_a_device_is_refused(tmp_path: Path) -> None:
    write_tree(tmp_path, {"ok.py": "x = 1\n"})
    result = run_cli("scan", "--no-cache", "-o", "/dev/null", ".", cwd=tmp_path)
    assert result.exit_code == 2
    assert "cannot write /dev/null" in result.stderr


def test_every_command_writes_through_the_one_writer(tmp_path: Path) -> None:
    write_tree(tmp_path, {"ok.py": "x = 1\n"})
    report = tmp_path / "out.json"
    result = run_cli("scan", "--no-cache", "--format", "json", "-o", str(report), ".", cwd=tmp_path)
    assert result.exit_code == 0
    assert json.loads(report.read_text())["findings"] == []
    report.write_text("old content that is longer than the new report " * 100)
    result = run_cli("scan", "--no-cache", "--format", "json", "-o", str(report), ".", cwd=tmp_path)
    assert result.exit_code == 0
    assert json.loads(report.read_text())["findings"] == []  # truncated, not overlaid
