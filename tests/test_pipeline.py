"""One file through the pipeline: merging, directives, parse failures, config-file comments."""

from __future__ import annotations

import sys

import pytest

from secretcheck.api import scan_text
from secretcheck.examples import expand


def summary(text: str, filename: str) -> set[tuple[int, str, tuple[str, ...]]]:
    return {(f.span.line, f.rule_id, f.also) for f in scan_text(text, filename).findings}


def test_one_location_seen_by_several_detectors_is_one_finding() -> None:
    secret = expand("{{base64:40}}")
    (finding,) = scan_text(f'aws_secret_access_key = "{secret}"\n', "a.py").findings
    assert finding.rule_id == "SC302"  # the provider format leads
    assert set(finding.also) >= {"SC101"}  # the name rule agreed
    assert finding.span.column == 26 and finding.span.end_column == 66


def test_secret_in_a_file_that_does_not_parse_is_still_found() -> None:
    token = expand("{{crc_token:ghp}}")
    text = f'def broken(:\n    pass\nGH = "{token}"\n'
    assert {(line, code) for line, code, _ in summary(text, "x.py")} == {
        (1, "SC901"),
        (3, "SC303"),
    }
    (diagnostic,) = [f for f in scan_text(text, "x.py").findings if f.rule_id == "SC901"]
    assert diagnostic.category == "diagnostic" and diagnostic.severity.label == "info"
    assert token not in diagnostic.message


LEGACY_ASYNC = """\
import sqlite3

from flask import Flask, request

app = Flask(__name__)


def dispatch(writer, async=False):
    return writer


@app.route("/q")
def q():
    db = sqlite3.connect("x.db")
    return str(db.execute("SELECT * FROM t WHERE a = '%s'" % request.args["a"]).fetchall())
"""


@pytest.mark.skipif(sys.version_info >= (3, 13), reason="Python 3.13 reads no grammar before 3.7")
def test_code_using_async_as_a_name_is_read_with_the_python_3_6_grammar() -> None:
    # pycsw 2.0's `dispatch(self, writer, async=False)`: valid Python 3.6, refused since 3.7.
    assert {(line, code) for line, code, _ in summary(LEGACY_ASYNC, "app.py")} == {
        (15, "SC201")
    }
    # Code no grammar reads still gets its diagnostic, with the current grammar's position.
    broken = LEGACY_ASYNC.replace("async=False)", "async=False") + "x = (\n"
    assert (8, "SC901") in {(line, code) for line, code, _ in summary(broken, "app.py")}


def test_yaml_secret_followed_by_a_comment_is_found() -> None:
    # detect-secrets keeps the comment in the value; it must not turn it into a "phrase".
    secret = expand("{{alnum:18}}")
    (finding,) = scan_text(f"db:\n  password: {secret}  # the prod database\n", "c.yaml").findings
    assert (finding.span.line, finding.rule_id) == (2, "SC110")
    assert finding.secret == secret
    assert finding.snippet == f"password: {secret[:4]}…[18 chars redacted]  # the prod database"


def test_a_suppression_comment_is_never_a_finding_itself() -> None:
    # detect-secrets' keyword plugin reads `secretcheck: ignore` as the value `ignore` of a
    # key containing "secret".
    lines = ["# secretcheck: ignore", "mode: fast  # secretcheck: ignore[SC101]"]
    for line in lines:
        for filename in ("c.yaml", "c.toml", "c.ini", "c.py", "c.sh"):
            assert scan_text(line + "\n", filename).findings == (), (line, filename)


def test_input_checks_skip_test_code_unless_asked() -> None:
    from secretcheck.pipeline import rules_for
    from secretcheck.rulepacks import load_catalogue
    from secretcheck.settings import Settings

    catalogue = load_catalogue()
    in_tests = {r.code for r in rules_for(catalogue, Settings(), "pkg/tests/test_app.py")}
    in_app = {r.code for r in rules_for(catalogue, Settings(), "pkg/app.py")}
    assert "SC201" in in_app and "SC201" not in in_tests
    assert {"SC101", "SC301", "SC901"} <= in_tests  # secrets are always looked for
    opted_in = Settings(input_checks_in_tests=True)
    assert "SC201" in {r.code for r in rules_for(catalogue, opted_in, "pkg/tests/test_app.py")}
