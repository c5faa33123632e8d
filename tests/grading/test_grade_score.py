"""Scoring properties: bounded, monotone in findings, capped repeats, lighter test code."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from secretcheck.findings import Confidence, Finding, Severity, Span
from secretcheck.grading.model import DimensionScore, Evidence, Signal
from secretcheck.grading.rubric import load_rubric
from secretcheck.grading.score import score_dimensions

RUBRIC = load_rubric()


def _score(*args: Any) -> tuple[float, tuple[DimensionScore, ...]]:
    scored = score_dimensions(RUBRIC, *args[1:])
    return scored.total, scored.dimensions


CATEGORIES = ["secret", "sql-injection", "tls", "debug", "diagnostic", "repo-hygiene", "xss"]


@st.composite
def findings(draw: st.DrawFn) -> Finding:
    code = draw(st.sampled_from(["SC101", "SC102", "SC301", "SC205", "SC510", "SC901"]))
    line = draw(st.integers(1, 500))
    return Finding(
        rule_id=code, rule_name="rule", category=draw(st.sampled_from(CATEGORIES)), cwe="CWE-1",
        severity=draw(st.sampled_from(list(Severity))),
        confidence=draw(st.sampled_from(list(Confidence))),
        path=draw(st.sampled_from(["app.py", "tests/test_app.py", "docs/x.md", "pkg/db.py"])),
        span=Span(line, 1, line, 5), message="m", snippet="s",
        suppressed=draw(st.booleans()),
    )  # fmt: skip


signals = st.lists(
    st.builds(
        Signal,
        st.sampled_from(sorted(RUBRIC.signals)),
        st.just((Evidence("app.py", 1), Evidence("b.py", 2))),
    ),
    max_size=8,
)


@settings(max_examples=100, deadline=None)
@given(st.lists(findings(), max_size=30), findings(), signals)
def test_grade_in_bounds_and_never_rises_when_a_finding_is_added(
    base: list[Finding], extra: Finding, sigs: list[Signal]
) -> None:
    before, dims = _score(RUBRIC, base, [], sigs)
    after, _ = _score(RUBRIC, [*base, extra], [], sigs)
    assert 0 <= after <= before <= 100
    for dim in dims:
        assert 0 <= dim.score <= dim.max


def _secret(path: str, line: int) -> Finding:
    return Finding("SC101", "hardcoded-credential-assignment", "secret", "CWE-798",
                   Severity.HIGH, Confidence.MEDIUM, path, Span(line, 1, line, 9), "m",
                   "password = 'hu…[8 chars redacted]'")  # fmt: skip


def test_ten_fixture_passwords_do_not_sink_a_grade() -> None:
    clean, _ = _score(RUBRIC, [], [], [])
    one, _ = _score(RUBRIC, [_secret("tests/test_login.py", 3)], [], [])
    ten, dims = _score(RUBRIC, [_secret("tests/test_login.py", n) for n in range(1, 11)], [], [])
    assert clean - ten <= 2 * (clean - one) + 1e-9
    assert clean - ten < 5
    (item,) = dims[0].deductions
    assert item.count == 10 and len(item.evidence) == 5  # evidence kept, points capped


def test_production_code_weighs_more_than_tests() -> None:
    prod, _ = _score(RUBRIC, [_secret("app.py", 3)], [], [])
    test, _ = _score(RUBRIC, [_secret("tests/test_app.py", 3)], [], [])
    assert prod < test


def test_every_deduction_and_credit_has_evidence() -> None:
    sigs = [Signal("env-secret-read", (Evidence("app.py", 4),)),
            Signal("single-commit", (Evidence(commit="a" * 40, snippet="done"),))]  # fmt: skip
    _, dims = _score(RUBRIC, [_secret("app.py", 3)], [], sigs)
    items = [i for d in dims for i in (*d.deductions, *d.credits)]
    assert len(items) == 3
    assert all(i.evidence and i.evidence[0].label() for i in items)
