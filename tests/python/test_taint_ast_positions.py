"""What the taint engine reports where `ast` and libcst see code differently, through the real
CLI: the engine reads the stdlib tree but reports as it did on libcst's, so a finding's
columns (characters, not UTF-8 bytes), a comprehension's trace step (where the code before
its `for` ends) and a sink spread over an implicit concatenation's lines stay as they were
(the values here are the libcst engine's)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from secretcheck.cli import main

APP = """\
import os
from flask import Flask, request

app = Flask(__name__)


@app.route("/run")
def run():
    names = [n for n in request.args.getlist("n")
             if n]
    label = "é"; os.system("echo é " + names[0])
    os.system("ls "
              f"{names[1]}")
    return "ok"
"""


def _findings(tmp_path: Path) -> list[dict[str, object]]:
    target = tmp_path / "app.py"
    target.write_text(APP, encoding="utf-8")
    result = CliRunner().invoke(main, ["scan", "--no-cache", "--format", "json", str(target)])
    assert result.exit_code == 1, result.output
    found = json.loads(result.output)["findings"]
    return [f for f in found if f["rule_id"] == "SC202"]


def test_columns_statement_lines_and_comprehension_steps(tmp_path: Path) -> None:
    first, second = _findings(tmp_path)
    # `label = "é"; os.system(...)`: the column counts characters (the byte offset is 19).
    assert (first["line"], first["column"], first["end_line"]) == (11, 18, 11)
    steps = [(s["line"], s["column"], s["note"]) for s in first["trace"]]  # type: ignore[union-attr]
    assert steps[0] == (9, 25, "source: request.args (Flask)")
    # The comprehension's step is where the code before `for` ends (libcst's `CompFor`).
    assert steps[1] == (9, 15, "assigned to n")
    assert steps[-1] == (11, 18, "sink: os.system")
    # A concatenation of a literal and an f-string spans two lines; still one finding.
    assert (second["line"], second["column"], second["end_line"], second["end_column"]) == (
        12, 5, 13, 29
    )
