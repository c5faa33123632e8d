"""Finding values: severity parsing, masking, fingerprints that never hash a secret."""

from __future__ import annotations

import hashlib

import pytest

from secretcheck.examples import expand
from secretcheck.findings import (
    Confidence,
    Finding,
    Severity,
    Span,
    assign_fingerprints,
    mask_line,
)


def make(line: int, code: str = "SC301", path: str = "a.py", secret: str = "") -> Finding:
    return Finding(
        rule_id=code, rule_name="r", category="secret", cwe="CWE-798",
        severity=Severity.HIGH, confidence=Confidence.HIGH, path=path,
        span=Span(line, 5, line, 9), message="m", snippet="s", secret=secret,
    )  # fmt: skip


def test_severity_and_confidence_parse_case_and_space() -> None:
    assert Severity.parse(" High ") is Severity.HIGH
    assert Confidence.parse("LOW") is Confidence.LOW
    assert Severity.CRITICAL > Severity.HIGH > Severity.MEDIUM > Severity.LOW > Severity.INFO
    with pytest.raises(KeyError):
        Severity.parse("severe")


def test_mask_line_replaces_each_span_once() -> None:
    assert mask_line('k = "abcd" + "efgh"', [(5, 9), (14, 18)]) == 'k = "\x00" + "\x00"'
    assert mask_line("abcdef", [(1, 4), (2, 5)]) == "a\x00f"  # overlaps merge


def test_fingerprint_ignores_line_numbers_and_the_secret() -> None:
    masked_a = {3: 'KEY = "\x00"'}
    masked_b = {40: 'KEY = "\x00"'}
    one, two = expand("{{alnum:20}}", 1), expand("{{alnum:20}}", 2)
    (a,) = assign_fingerprints([make(3, secret=one)], masked_a)
    (b,) = assign_fingerprints([make(40, secret=two)], masked_b)
    assert a.fingerprint == b.fingerprint
    assert len(a.fingerprint) == 32
    for secret in (one, two):
        assert hashlib.sha256(secret.encode()).hexdigest()[:32] != a.fingerprint


def test_fingerprint_separates_rule_path_and_repeats() -> None:
    masked = {1: "x = \x00", 2: "x = \x00"}
    same_line_twice = assign_fingerprints([make(1), make(2)], masked)
    assert len({f.fingerprint for f in same_line_twice}) == 2
    (other_rule,) = assign_fingerprints([make(1, code="SC303")], masked)
    (other_path,) = assign_fingerprints([make(1, path="b.py")], masked)
    assert len({same_line_twice[0].fingerprint, other_rule.fingerprint,
                other_path.fingerprint}) == 3  # fmt: skip


def test_secret_is_never_in_the_public_dict() -> None:
    value = expand("{{password:16}}")
    finding = make(1, secret=value)
    assert value not in repr(finding)
    assert value not in str(finding.to_dict())


def test_with_changes_copies_every_field_but_the_changed_ones() -> None:
    """`with_changes` fills the new instance field by field (no `dataclasses.replace`): every
    field not named keeps its value, and an unknown field is an error, as `replace` has it."""
    value = expand("{{alnum:24}}", 3)  # built at run time: no literal for the self-scan
    original = make(3, secret=value).with_changes(also=("SC401",), signals=("x",))
    changed = original.with_changes(fingerprint="f" * 32, suppressed=True)
    assert changed.fingerprint == "f" * 32 and changed.suppressed
    assert changed.with_changes(fingerprint="", suppressed=False) == original
    assert (changed.secret, changed.also, changed.signals) == (value, ("SC401",), ("x",))
    with pytest.raises(TypeError, match="no field 'colour'"):
        original.with_changes(colour="red")
