"""The checks on the stdlib `ast` report where their libcst versions did, through the real CLI.

`ast` and libcst disagree on what a node covers: `ast` spans a parenthesized tuple with its
parentheses, folds implicit concatenation into one constant, counts columns in UTF-8 bytes and
has no node for a dict entry or a line of `;`-joined statements. `astvisitor` bridges each;
these are the places a finding's columns (or its suppression, which reads the statement range)
would move if it did not.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from secretcheck.cli import main


def _findings(tmp_path: Path, name: str, text: str) -> list[tuple[str, int, int, int, int]]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["scan", "--format", "json", "--no-cache", str(tmp_path)])
    assert result.exit_code in (0, 1), result.output
    found: list[dict[str, Any]] = json.loads(result.output)["findings"]
    return sorted(
        (f["rule_id"], f["line"], f["column"], f["end_line"], f["end_column"])
        for f in found
        if not f["suppressed"]
    )


def test_a_string_literal_is_reported_inside_its_quotes_a_concatenation_whole(
    tmp_path: Path,
) -> None:
    text = 'import os\nscratch = "/tmp/work"\nother = ("/tmp/" "work2")\nrb = r"/tmp/x"\n'
    assert _findings(tmp_path, "paths.py", text) == [
        ("SC227", 2, 12, 2, 21),  # /tmp/work, without its quotes
        ("SC227", 3, 10, 3, 25),  # "/tmp/" "work2", quotes and all
        ("SC227", 4, 8, 4, 14),  # /tmp/x, after the r prefix and the quote
    ]


def test_columns_count_characters_not_bytes(tmp_path: Path) -> None:
    text = 'import requests\nr = requests.get("https://é.example", verify=False)  # ü\n'
    assert _findings(tmp_path, "client.py", text) == [("SC220", 2, 39, 2, 51)]


def test_a_parenthesized_tuple_and_dict_entry_are_spanned_as_before(tmp_path: Path) -> None:
    settings = 'from .base import *\n\nALLOWED_HOSTS = ( "*", )\n'
    # From the first element to the trailing comma: the tuple without its parentheses.
    assert _findings(tmp_path, "settings.py", settings) == [("SC224", 3, 19, 3, 23)]
    (tmp_path / "settings.py").unlink()
    token = 'import jwt\nclaims = jwt.decode(t, options={"verify_signature": (False)})\n'
    # The whole `key: value` entry, through the value's closing parenthesis.
    assert _findings(tmp_path, "auth.py", token) == [("SC229", 2, 33, 2, 60)]


def test_a_suppression_on_the_last_line_of_a_statement_covers_it(tmp_path: Path) -> None:
    text = (
        "import requests\n"
        "a = requests.get(\n"
        '    "https://internal", verify=False,\n'
        ")  # secretcheck: ignore[SC220]\n"
        'b = 1; c = requests.get("https://x", verify=False)  # secretcheck: ignore[SC220]\n'
        'if b: requests.get("https://y", verify=False)\n'
    )
    assert _findings(tmp_path, "calls.py", text) == [("SC220", 6, 33, 6, 45)]


def test_a_deep_expression_does_not_stop_the_checks(tmp_path: Path) -> None:
    # 700 terms of `+` nest 700 levels deep: the walk takes one stack frame per level, so the
    # file's other statements are still checked (libcst's walk ran out of stack near 400).
    text = "import requests\nrequests.get(u, verify=False)\nx = " + " + ".join(["y"] * 700) + "\n"
    assert _findings(tmp_path, "deep.py", text) == [("SC220", 2, 17, 2, 29)]
