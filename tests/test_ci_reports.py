"""JUnit XML and GitHub Actions annotations: structure, escaping, redaction."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st

from secretcheck.api import scan_text
from secretcheck.examples import expand
from secretcheck.findings import ScanError, ScanResult, Severity
from secretcheck.report import FORMATS, get_renderer
from secretcheck.report.github import escape_data, escape_property
from secretcheck.rulepacks import load_catalogue

CATALOGUE = load_catalogue()
TOKEN = expand("{{crc_token:ghp}}", "ci-token")
AWS = expand("AKIA{{upper:16}}", "ci-aws")
SOURCE = f'import os\nTOKEN = "{TOKEN}"\nKEY = "{AWS}"  # secretcheck: ignore\n'


def _result(path: str = "app/settings.py") -> ScanResult:
    return scan_text(SOURCE, path)


def test_registry_offers_ci_formats() -> None:
    assert {"junit", "github"} <= set(FORMATS)
    for name in FORMATS:
        assert callable(get_renderer(name))


def test_junit_one_testcase_per_finding_grouped_by_rule() -> None:
    xml = get_renderer("junit")(_result(), CATALOGUE, Severity.LOW, False)
    assert xml.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    root = ET.fromstring(xml)
    suite = root.find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    by_class = {c.get("classname"): c for c in cases}
    assert set(by_class) == {"secretcheck.SC303", "secretcheck.SC301"}
    failing = by_class["secretcheck.SC303"]
    failure = failing.find("failure")
    assert failure is not None and failing.get("name") == "app/settings.py:2 github-token"
    assert "app/settings.py:2:" in (failure.text or "")
    skipped = by_class["secretcheck.SC301"].find("skipped")
    assert skipped is not None and skipped.get("message") == "suppressed inline"
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("2", "1", "1")
    assert TOKEN not in xml and AWS not in xml


def test_junit_below_threshold_is_skipped_and_clean_run_has_one_passing_case() -> None:
    xml = get_renderer("junit")(_result(), CATALOGUE, Severity.CRITICAL, False)
    assert ET.fromstring(xml).find("testsuite").get("failures") == "1"  # type: ignore[union-attr]
    clean = get_renderer("junit")(ScanResult(()), CATALOGUE, Severity.LOW, False)
    suite = ET.fromstring(clean).find("testsuite")
    assert suite is not None and suite.get("tests") == "1" and suite.get("failures") == "0"
    errors = ScanResult((), errors=(ScanError("x\x01.py", "Permission denied"),))
    xml = get_renderer("junit")(errors, CATALOGUE, Severity.LOW, False)
    assert ET.fromstring(xml).find("testsuite").get("errors") == "1"  # type: ignore[union-attr]


def test_junit_is_deterministic() -> None:
    render = get_renderer("junit")
    assert render(_result(), CATALOGUE, Severity.LOW, False) == render(
        _result(), CATALOGUE, Severity.LOW, False
    )


def test_github_annotations_follow_the_workflow_command_format() -> None:
    out = get_renderer("github")(_result(), CATALOGUE, Severity.LOW, False)
    lines = out.splitlines()
    assert lines[0].startswith(
        "::error file=app/settings.py,line=2,col=10,endLine=2,endColumn=50,"
        "title=SC303 github-token::GitHub token"
    )
    assert "%0A" in lines[0]  # the snippet follows on a second annotation line
    assert not any(line.startswith("::") and "SC301" in line for line in lines)  # suppressed
    assert lines[-1].startswith("secretcheck: 1 new finding(s)")
    assert TOKEN not in out and AWS not in out


def test_github_escaping_matches_the_actions_toolkit() -> None:
    assert escape_data("50%\r\nnext") == "50%25%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    out = get_renderer("github")(_result("odd,dir/x:y.py"), CATALOGUE, Severity.LOW, False)
    assert "file=odd%2Cdir/x%3Ay.py," in out


def test_github_levels_follow_fail_on() -> None:
    out = get_renderer("github")(_result(), CATALOGUE, Severity.CRITICAL, False)
    assert out.startswith("::error ")
    result = scan_text(f'KEY = "{AWS}"\n', "k.py")  # high severity
    assert get_renderer("github")(result, CATALOGUE, Severity.CRITICAL, False).startswith(
        "::warning "
    )


TOKEN_LINES = st.sampled_from(
    [
        'token = "{{crc_token:ghp}}"',
        "aws_key: AKIA{{upper:16}}",
        'url = "https://admin:{{alnum:14}}@db.example.invalid/app"',
        'password = "{{password:16}}"',
        "SLACK=xoxb-{{digits:11}}-{{digits:12}}-{{alnum:24}}",
    ]
)


@settings(max_examples=30, deadline=None)
@given(template=TOKEN_LINES, seed=st.integers(0, 10_000), name=st.sampled_from(["a.py", "b.env"]))
def test_no_format_prints_a_generated_secret(template: str, seed: int, name: str) -> None:
    result = scan_text(expand(template, seed) + "\n", name)
    secrets = [f.secret for f in result.findings if len(f.secret) >= 8]
    for fmt in FORMATS:
        out = get_renderer(fmt)(result, CATALOGUE, Severity.LOW, False)
        assert not any(s in out for s in secrets), fmt
