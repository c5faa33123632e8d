"""The calibration set: ranking and bands recorded before tuning; history evidence for a leak."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from calibration import load_build
from click.testing import CliRunner

from secretcheck.cli import main
from secretcheck.examples import expand
from secretcheck.grading.grade import grade_paths
from secretcheck.grading.model import Grade
from secretcheck.grading.render import FORMATS, get_grade_renderer
from secretcheck.grading.rubric import load_rubric

BUILD = load_build()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return BUILD.build(tmp_path_factory.mktemp("calibration"))  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def grades(built: dict[str, Path]) -> dict[str, Grade]:
    return {g.name: g for g in grade_paths(sorted(built.values()), load_rubric())}


EXPECTED: list[dict[str, Any]] = BUILD.expected()["submissions"]


def test_set_is_big_enough_and_fully_ranked() -> None:
    assert len(EXPECTED) >= 15  # seven v1 submissions and eight for Grading v2
    assert sorted(e["rank"] for e in EXPECTED) == list(range(1, len(EXPECTED) + 1))
    assert {e["name"] for e in EXPECTED} == set(BUILD.names())


def test_ranking_matches_the_reviewer(grades: dict[str, Grade]) -> None:
    expected = [e["name"] for e in sorted(EXPECTED, key=lambda e: e["rank"])]
    actual = sorted(grades, key=lambda n: -grades[n].score)
    assert actual == expected, {n: grades[n].score for n in actual}


@pytest.mark.parametrize("entry", EXPECTED, ids=lambda e: e["name"])
def test_grade_is_in_its_band(grades: dict[str, Grade], entry: dict[str, Any]) -> None:
    low, high = entry["band"]
    assert low <= grades[entry["name"]].score <= high


def test_removed_key_loses_points_with_the_commit_as_evidence(
    grades: dict[str, Grade], built: dict[str, Path]
) -> None:
    grade = grades["removed-key"]
    assert not grade.findings  # HEAD is clean: only history shows the leak
    (leak,) = [h for h in grade.history if h.status == "removed"]
    assert leak.finding.path == "notes/translate.py"
    secrets = next(d for d in grade.dimensions if d.id == "secrets")
    (item,) = [i for i in secrets.deductions if "history" in i.title]
    assert item.points > 0
    assert item.evidence[0].commit == leak.introduced.sha
    assert item.evidence[0].path == "notes/translate.py"
    subject = _subject(built["removed-key"], leak.introduced.sha)
    assert subject == "Add translation of notes via the translate API"


def _subject(repo: Path, commit: str) -> str:
    out = subprocess.run(["git", "-C", str(repo), "log", "-1", "--format=%s", commit],
                         capture_output=True, text=True, check=True)  # fmt: skip
    return out.stdout.strip()


def test_noise_in_tests_and_docs_costs_little(grades: dict[str, Grade]) -> None:
    noisy = grades["noisy-clean"]
    assert noisy.findings  # the fixtures are seen...
    lost = sum(i.points for d in noisy.dimensions for i in d.deductions)
    assert lost <= 6  # ...but weigh little, and their repeats are capped


def test_batch_cli_leaderboard_is_sorted_and_deterministic(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    BUILD.build(folder, ["poor", "excellent", "mediocre"])
    runner = CliRunner()
    first = runner.invoke(main, ["grade", "--batch", str(folder), "--format", "json"])
    assert first.exit_code == 0, first.output
    again = runner.invoke(main, ["grade", "--batch", str(folder), "--format", "json"])
    assert first.output == again.output  # deterministic
    doc = json.loads(first.output)
    scores = [s["score"] for s in doc["submissions"]]
    assert scores == sorted(scores, reverse=True)
    assert set(doc["submissions"][0]) >= {"name", "path", "score", "dimensions", "findings",
                                          "positives", "caps", "notes"}  # fmt: skip
    csv_out = runner.invoke(main, ["grade", "--batch", str(folder), "--format", "csv"])
    rows = csv_out.output.splitlines()
    assert rows[0].startswith("rank,name,score,secrets,injection,configuration,hygiene")
    assert [r.split(",")[1] for r in rows[1:]] == ["excellent", "mediocre", "poor"]
    report = tmp_path / "grades.md"
    written = runner.invoke(main, ["grade", "--batch", str(folder), "--format",
                                   "markdown", "-o", str(report)])  # fmt: skip
    assert written.exit_code == 0 and written.output == ""
    assert "| 1 | excellent |" in report.read_text(encoding="utf-8")


def test_no_report_format_shows_a_generated_secret(grades: dict[str, Grade]) -> None:
    ordered = sorted(grades.values(), key=lambda g: -g.score)
    secrets = _generated_secrets()
    assert len(secrets) >= 10
    for fmt in FORMATS:
        out = get_grade_renderer(fmt)(ordered)
        assert not [s for s in secrets if s in out], f"{fmt} shows a secret"


def _generated_secrets() -> set[str]:
    """Every token the build expanded from a template (what a leak would look like)."""
    found: set[str] = set()
    for name in BUILD.names():
        for path in (BUILD.CALIBRATION / name).rglob("*"):
            if not path.is_file():
                continue
            text = path.read_text(encoding="utf-8")
            expanded = expand(text, seed=f"0:{name}")
            for old, new in zip(text.splitlines(), expanded.splitlines(), strict=True):
                if old != new:
                    found.update(
                        t for t in re.findall(r"[\w!#%&*+\-=?@^]{8,}", new) if t not in old
                    )
    return found


def test_same_submission_built_twice_grades_identically(tmp_path: Path) -> None:
    renderer = get_grade_renderer("json")
    docs = []
    for where in ("one", "two"):
        built = BUILD.build(tmp_path / where, ["removed-key", "noisy-clean"])
        doc = json.loads(renderer(grade_paths(sorted(built.values()), load_rubric())))
        for sub in doc["submissions"]:
            sub.pop("path")
        docs.append(doc)
    assert docs[0] == docs[1]
