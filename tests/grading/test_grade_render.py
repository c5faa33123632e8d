"""Renderers: escaping, shapes and leaderboards on hand-made grades."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from secretcheck.findings import Confidence, Finding, Severity, Span
from secretcheck.gitlog import Commit
from secretcheck.grading.model import DimensionScore, Evidence, Grade, Signal
from secretcheck.grading.render import get_grade_renderer, pts
from secretcheck.grading.rubric import load_rubric
from secretcheck.grading.score import score_dimensions
from secretcheck.history import HistoryFinding

RUBRIC = load_rubric()


def _score(*args: Any) -> tuple[float, tuple[DimensionScore, ...]]:
    scored = score_dimensions(RUBRIC, *args[1:])
    return scored.total, scored.dimensions


HOSTILE = '<script>alert("x")</script> | `md` & "q"'


def _grade(name: str, findings: list[Finding]) -> Grade:
    signals = [Signal("env-secret-read", (Evidence("app.py", 2, snippet=HOSTILE),))]
    commit = Commit("c" * 40, "A", "a@example.invalid", "2026-01-01T00:00:00+00:00", 1767225600)
    history = [HistoryFinding(findings[0], commit, "removed")]
    total, dims = _score(RUBRIC, findings, history, signals)
    return Grade(name, f"/in/{name}", total, dims, tuple(findings), tuple(history),
                 tuple(signals))  # fmt: skip


def _finding(path: str) -> Finding:
    return Finding("SC101", "hardcoded-credential-assignment", "secret", "CWE-798",
                   Severity.HIGH, Confidence.HIGH, path, Span(3, 1, 3, 9), "m",
                   f"key = 'ab…[30 chars redacted]' {HOSTILE}")  # fmt: skip


GRADES = sorted([_grade("<b>evil</b>", [_finding("app.py")] * 2),
                 _grade("fine", [_finding("tests/t.py")])], key=lambda g: -g.score)  # fmt: skip


def test_html_escapes_everything_from_the_submission_and_has_no_scripts() -> None:
    page = get_grade_renderer("html")(GRADES)
    assert "<script" not in page and "<b>evil" not in page
    assert "&lt;script&gt;" in page and "&lt;b&gt;evil&lt;/b&gt;" in page
    assert page.count('class="fill"') == 8 and "<style>" in page and "<link" not in page


def test_json_shape_keeps_history_commit_and_status() -> None:
    doc = json.loads(get_grade_renderer("json")(GRADES))
    sub = doc["submissions"][0]
    assert set(sub) == {"name", "path", "score", "dimensions", "findings", "positives",
                        "subtotal", "cap", "caps", "confidence", "notes", "error"}  # fmt: skip
    assert set(sub["dimensions"][0]) == {"id", "name", "score", "max", "deductions", "credits",
                                         "base", "credit_room", "credits_total",
                                         "credits_counted", "deductions_total",
                                         "inherited"}  # fmt: skip
    assert set(doc["report"]) >= {"tool_version", "rubric_revision", "date", "legend"}
    history = [f for f in sub["findings"] if "commit" in f]
    assert history and history[0]["status"] == "removed" and history[0]["rule_id"] == "SC101"
    lost = sub["dimensions"][0]["deductions"]
    assert any(e.get("commit") == "c" * 40 for d in lost for e in d["evidence"])


def test_leaderboards_are_sorted_in_every_format() -> None:
    assert GRADES[0].score > GRADES[1].score
    rows = list(csv.reader(io.StringIO(get_grade_renderer("csv")(GRADES))))
    assert [r[1] for r in rows[1:]] == [g.name for g in GRADES]
    text = get_grade_renderer("text")(GRADES)
    assert text.index(f"1. {pts(GRADES[0].score):>6}/100") < text.index(" 2. ")
    markdown = get_grade_renderer("markdown")(GRADES)
    assert "| 1 | fine |" in markdown
    assert "`app.py:3`" in markdown and "\\|" in markdown  # pipes escaped inside tables


def test_cli_format_choices_are_the_renderer_registry() -> None:
    import click

    from secretcheck.commands.grade import grade
    from secretcheck.grading.render import FORMATS

    (option,) = [p for p in grade.params if p.name == "fmt"]
    assert isinstance(option.type, click.Choice)
    assert tuple(option.type.choices) == FORMATS
