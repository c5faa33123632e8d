"""Reports: SARIF against the official schema, and golden text/JSON/SARIF for a small tree."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import leaky_secrets, run_cli, write_tree

from secretcheck import __version__
from secretcheck.examples import expand
from secretcheck.findings import (
    Confidence,
    Finding,
    ScanError,
    ScanResult,
    Severity,
    Skipped,
    Span,
)
from secretcheck.report import get_renderer
from secretcheck.rulepacks import load_catalogue

DATA = Path(__file__).parent / "data"
GOLDEN = DATA / "golden"
UPDATE = os.environ.get("SECRETCHECK_UPDATE_GOLDEN") == "1"


def sarif_validator() -> jsonschema.Draft7Validator:
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())


# RFC 3986 characters, with % only before two hex digits. jsonschema checks the schema's
# "uri"/"uri-reference" formats only when an optional package is installed, so check here.
URI_REFERENCE = re.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$")


def uris(document: Any) -> list[str]:
    if isinstance(document, dict):
        found = [v for k, v in document.items() if k in ("uri", "informationUri")]
        return found + [u for v in document.values() for u in uris(v)]
    if isinstance(document, list):
        return [u for v in document for u in uris(v)]
    return []


def assert_valid_sarif(document: dict[str, Any]) -> None:
    errors = sorted(sarif_validator().iter_errors(document), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])
    for uri in uris(document):
        assert URI_REFERENCE.match(uri), f"not a URI reference: {uri!r}"


def assert_results_describe_their_rules(document: dict[str, Any]) -> None:
    (run,) = document["runs"]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert len(ids) == len(set(ids))
    assert run["results"], "a report without results proves nothing here"
    for result in run["results"]:
        rule = rules[result["ruleIndex"]]
        assert rule["id"] == result["ruleId"]
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["text"] and rule["help"]["markdown"].startswith(f"## {rule['id']} ")
        tags = rule["properties"]["tags"]
        # GitHub reads CWE tags in this form only (issue 12); the plain id stays in `cwe`.
        assert f"external/cwe/{rule['properties']['cwe'].lower()}" in tags
        assert rule["helpUri"].endswith(".toml")
        assert 0.0 <= float(rule["properties"]["security-severity"]) <= 10.0
        fingerprint = result["partialFingerprints"]["secretcheck/v1"]
        assert len(fingerprint) == 32
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["snippet"]["text"]


def test_sarif_of_the_done_when_tree_validates(leaky_tree: Path) -> None:
    result = run_cli("scan", "--format", "sarif", ".", cwd=leaky_tree)
    assert result.exit_code == 1
    document = result.json()
    assert_valid_sarif(document)
    assert_results_describe_their_rules(document)
    (run,) = document["runs"]
    assert {(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in
            run["results"]} == {("SC301", 3), ("SC302", 4), ("SC303", 3), ("SC101", 5),
                                ("SC901", 1), ("SC303", 4)}  # fmt: skip
    # The binary skip is a notification, not a silent drop.
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert [n["message"]["text"] for n in notes] == ["logo.png: skipped (binary)"]
    for secret in leaky_secrets().values():
        assert secret not in result.stdout


def synthetic_result() -> ScanResult:
    """Every shape a report must carry: suppressed, multi-line, skipped, unreadable."""

    def finding(code: str, line: int, suppressed: bool = False, end_line: int = 0) -> Finding:
        rule = load_catalogue().get(code)
        assert rule is not None
        return Finding(
            rule_id=rule.code, rule_name=rule.name, category=rule.category, cwe=rule.cwe,
            severity=rule.severity, confidence=Confidence.HIGH, path="src/a b/ü.py",
            span=Span(line, 5, end_line or line, 9), message=rule.message,
            snippet="x = \"abcd…[40 chars redacted]\"", fingerprint="0" * 32,
            suppressed=suppressed,
        )  # fmt: skip

    return ScanResult(
        findings=(finding("SC101", 2, suppressed=True), finding("SC309", 4, end_line=9)),
        skipped=(Skipped("blob.bin", "binary", "NUL byte"), Skipped("big.log", "too-large")),
        errors=(ScanError("locked.py", "Permission denied"),),
        files_scanned=3,
        lines_scanned=40,
    )


def test_sarif_with_suppressions_skips_and_errors_validates() -> None:
    text = get_renderer("sarif")(synthetic_result(), load_catalogue(), Severity.LOW, False)
    document = json.loads(text)
    assert_valid_sarif(document)
    assert_results_describe_their_rules(document)
    run = document["runs"][0]
    assert [r.get("suppressions") for r in run["results"]] == [[{"kind": "inSource"}], None]
    assert run["invocations"][0]["executionSuccessful"] is False
    assert run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "src/a%20b/%C3%BC.py",
        "uriBaseId": "%SRCROOT%",
    }


def test_sarif_path_outside_the_current_directory_is_a_file_uri(
    tmp_path: Path, fake: object
) -> None:
    token = fake("{{crc_token:ghp}}")  # type: ignore[operator]
    project = write_tree(tmp_path / "my project", {"ci.yml": f"token: {token}\n"})
    (tmp_path / "elsewhere").mkdir()
    result = run_cli("scan", "--format", "sarif", str(project), cwd=tmp_path / "elsewhere")
    assert result.exit_code == 1
    document = result.json()
    assert_valid_sarif(document)
    (sarif_result,) = document["runs"][0]["results"]
    location = sarif_result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": (project / "ci.yml").as_uri()}
    assert "my%20project/ci.yml" in location["uri"]


def test_sarif_lists_every_active_rule_even_without_results(tmp_path: Path) -> None:
    write_tree(tmp_path, {"a.py": "x = 1\n"})
    result = run_cli("scan", "--format", "sarif", ".", cwd=tmp_path)
    assert result.exit_code == 0
    document = result.json()
    assert_valid_sarif(document)
    driver = document["runs"][0]["tool"]["driver"]
    assert [r["id"] for r in driver["rules"]] == [r.code for r in load_catalogue().active()]
    assert document["runs"][0]["results"] == []


def test_json_report_with_errors_and_skips() -> None:
    text = get_renderer("json")(synthetic_result(), load_catalogue(), Severity.LOW, False)
    document = json.loads(text)
    assert document["errors"] == [{"path": "locked.py", "message": "Permission denied"}]
    assert [s["reason"] for s in document["skipped"]] == ["binary", "too-large"]
    expected = {
        "files_scanned": 3, "lines_scanned": 40, "findings": 1, "suppressed": 1,
        "by_severity": {"info": 0, "low": 0, "medium": 0, "high": 0, "critical": 1},
        "skipped": 2, "errors": 1, "fail_on": "low", "failing": 1,
    }  # fmt: skip
    assert {k: v for k, v in document["summary"].items() if k in expected} == expected
    assert text == json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def test_text_report_lists_unreadable_files() -> None:
    text = get_renderer("text")(synthetic_result(), load_catalogue(), Severity.LOW, False)
    assert "error: locked.py: Permission denied" in text.splitlines()
    assert text.splitlines()[-1] == (
        "1 finding (1 critical) in 3 files; 1 suppressed, 2 skipped (see --format json), "
        "1 file error. FAIL: 1 at or above 'low'"
    )


# --- golden reports -------------------------------------------------------------------------

GOLDEN_SEED = 7


def golden_tree(root: Path) -> Path:
    def x(template: str) -> str:
        return expand(template, GOLDEN_SEED)

    slack = "https://hooks.slack.com/services/T{{upper_alnum:8}}/B{{upper_alnum:10}}/{{alnum:24}}"
    return write_tree(
        root,
        {
            "app/settings.py": (
                "import os\n\nDEBUG = False\n"
                f'AWS_ACCESS_KEY_ID = "{x("AKIA{{upper:16}}")}"\n'
                f'DB_PASSWORD = "{x("{{password:14}}")}"  # secretcheck: ignore[SC101]\n'
                'API_TOKEN = os.environ["API_TOKEN"]\n'
            ),
            "deploy/notify.yaml": f"notify:\n  channel: ops\n  webhook: {x(slack)}\n",
            "legacy.py": f'def f(:\n    token = "{x("{{crc_token:ghp}}")}"\n',
            "logo.png": b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(64)),
        },
    )


def normalised(fmt: str, text: str) -> str:
    """The report with what legitimately changes between branches taken out.

    The tool version moves with releases, and SARIF lists the whole catalogue (other work adds
    rules), so only the descriptors of the rules that have results are kept, without indices.
    """
    if fmt == "text":
        return text
    document = json.loads(text)
    if fmt == "json":
        assert document["tool"]["version"] == __version__
        document["tool"]["version"] = "<version>"
    else:
        (run,) = document["runs"]
        driver = run["tool"]["driver"]
        assert driver["version"] == driver["semanticVersion"] == __version__
        driver["version"] = driver["semanticVersion"] = "<version>"
        used = {r["ruleId"] for r in run["results"]}
        for result in run["results"]:
            assert driver["rules"][result.pop("ruleIndex")]["id"] == result["ruleId"]
        driver["rules"] = [r for r in driver["rules"] if r["id"] in used]
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


@pytest.mark.parametrize(("fmt", "suffix"), [("text", "txt"), ("json", "json"), ("sarif", "sarif")])
def test_golden_report(tmp_path: Path, fmt: str, suffix: str) -> None:
    tree = golden_tree(tmp_path / "golden")
    result = run_cli("scan", "--format", fmt, ".", cwd=tree)
    assert result.exit_code == 1, result.stderr
    if fmt == "sarif":
        assert_valid_sarif(result.json())
    actual = normalised(fmt, result.stdout)
    golden = GOLDEN / f"report.{suffix}"
    if UPDATE:
        golden.write_text(actual, encoding="utf-8")
    assert golden.exists(), "run with SECRETCHECK_UPDATE_GOLDEN=1 to create it"
    assert actual == golden.read_text(encoding="utf-8")


def test_golden_files_hold_no_secret() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(GOLDEN.glob("report.*"))]
    assert len(texts) == 3
    secrets = [
        expand(t, GOLDEN_SEED) for t in ("AKIA{{upper:16}}", "{{password:14}}", "{{crc_token:ghp}}")
    ]
    for text in texts:
        assert "redacted]" in text
        for secret in secrets:
            assert secret not in text
