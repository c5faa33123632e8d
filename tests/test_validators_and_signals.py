"""Offline validators, documented example keys, and the `signals` field in every report."""

from __future__ import annotations

import json
import string

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from secretcheck.api import scan_text
from secretcheck.examples import expand
from secretcheck.findings import Confidence, Severity
from secretcheck.report import json as json_report
from secretcheck.report import text as text_report
from secretcheck.rulepacks import load_catalogue
from secretcheck.validators import crc32_base62_token, jwt, pypi_macaroon


def test_github_and_npm_checksums() -> None:
    assert crc32_base62_token(expand("{{crc_token:ghp}}")) == "checksum valid"
    assert crc32_base62_token(expand("{{crc_token:npm}}")) == "checksum valid"
    assert crc32_base62_token("ghp_" + "a1B2" * 9) == "checksum not verified"


def test_pypi_macaroon_prefix() -> None:
    assert pypi_macaroon(expand("{{pypi_token}}")) == "macaroon location pypi.org"
    assert pypi_macaroon(expand("{{pypi_token:test}}")) == "macaroon location test.pypi.org"


def test_jwt_decodes_and_jwt_io_sample_is_documented() -> None:
    assert (jwt(expand("{{jwt}}")) or "").startswith("JWT header and payload decode")
    assert (jwt(expand("{{jwt:jwtio}}")) or "").startswith("documented example")
    assert jwt("eyJnotreal.eyJnotreal.sig") is None


def test_documented_examples_are_info_or_absent() -> None:
    sample = scan_text(f'TOKEN = "{expand("{{jwt:jwtio}}")}"\n', "app.py")
    assert sample.findings and all(f.severity == Severity.INFO for f in sample.findings)
    aws = scan_text('key = "AKIAIOSFODNN7EXAMPLE"\n', "conf.txt")
    assert not aws.findings


def test_validated_token_has_high_confidence_and_format_signal() -> None:
    (finding,) = scan_text(f'GH = "{expand("{{crc_token:ghp}}")}"\n', "ci.txt").findings
    assert finding.rule_id == "SC303" and finding.confidence == Confidence.HIGH
    assert finding.signals[0] == "format: github-token"
    assert "validator: checksum valid" in finding.signals


def test_one_finding_per_location_with_agreeing_detectors_listed() -> None:
    text = expand('aws_secret_access_key = "{{base64:40}}"\n', seed=4)
    findings = scan_text(text, "settings.py").findings
    assert len(findings) == 1
    assert findings[0].rule_id == "SC302"
    assert any(s.startswith("also: SC101") for s in findings[0].signals)


def test_signals_in_json_and_text_reports() -> None:
    result = scan_text(expand('DB_PASSWORD = "{{password:16}}"\n', seed=8), "app/settings.py")
    catalogue = load_catalogue()
    data = json.loads(json_report.render(result, catalogue, Severity.LOW, False))
    assert data["findings"][0]["signals"][0] == "name: DB_PASSWORD (password)"
    text = text_report.render(result, catalogue, Severity.LOW, False)
    assert "why: name: DB_PASSWORD (password); value: 16 chars" in text


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=string.ascii_letters + string.digits + "!#%+-_@", min_size=10, max_size=40))
def test_no_report_or_signal_holds_the_secret(secret: str) -> None:
    # Report words (`lines_scanned`) are not secrets; generated keys mix digits and symbols.
    assume(any(c.isdigit() for c in secret) and any(c in "!#%+-@" for c in secret))
    result = scan_text(f'api_secret = "{secret}"\ncfg = {{"password": "{secret}"}}\n', "app.py")
    catalogue = load_catalogue()
    for f in result.findings:
        assert all(secret not in s for s in f.signals)
    for render in (json_report.render, text_report.render):
        assert secret not in render(result, catalogue, Severity.LOW, False)
