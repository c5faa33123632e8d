"""Grading v2 (issue 13): arithmetic that adds up in every format, knockouts with evidence,
only the candidate's work (`--base`, an inferred skeleton), and batches that never abort."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from calibration import load_build
from click.testing import CliRunner

from secretcheck.cli import main
from secretcheck.grading.grade import grade_paths
from secretcheck.grading.legend import report_info
from secretcheck.grading.model import Grade
from secretcheck.grading.render import FORMATS, get_grade_renderer
from secretcheck.grading.rubric import load_rubric

BUILD = load_build()
RUBRIC = load_rubric()
INFO = report_info(RUBRIC)
NUM = r"-?\d+(?:\.\d+)?"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return BUILD.build(tmp_path_factory.mktemp("calibration"))  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def grades(built: dict[str, Path]) -> list[Grade]:
    return grade_paths(sorted(built.values()), RUBRIC, jobs=2)


def _rooms(legend_text: str) -> dict[str, tuple[float, float, float]]:
    """(max, base, credit room) per dimension id, read back from a report's legend."""
    found = re.findall(rf"(\w+) ({NUM}) \(base ({NUM}), credit room ({NUM})\)", legend_text)
    return {d: (float(m), float(b), float(r)) for d, m, b, r in found}


def _check(score: float, top: float, base: float, room: float, plus: list[float],
           minus: list[float]) -> None:  # fmt: skip
    """The documented formula, from the listed items and the legend only."""
    raw = base + min(sum(plus), room) - sum(minus)
    assert score == pytest.approx(max(0.0, min(top, raw)), abs=0.006), (score, plus, minus)


def _text_dimensions(section: str) -> list[tuple[str, float, list[float], list[float]]]:
    out: list[tuple[str, float, list[float], list[float]]] = []
    for line in section.splitlines():
        head = re.match(rf"  \[[#.]+\]\s+({NUM})/({NUM})\s+(.+)$", line)
        item = re.match(rf"      ([-+~])\s*({NUM})  ", line)
        if head:
            out.append((head.group(3), float(head.group(1)), [], []))
        elif item and out and item.group(1) != "~":  # inherited items are not counted
            (out[-1][3] if item.group(1) == "-" else out[-1][2]).append(float(item.group(2)))
    return out


def test_text_report_recomputes_for_every_calibration_submission(grades: list[Grade]) -> None:
    text = get_grade_renderer("text")(grades, INFO)
    rooms = _rooms(text[text.index("Legend") :])
    names = {d.name: d.id for d in grades[0].dimensions}
    for g in grades:
        section = text[text.index(f"\n{g.name}: ") :].split("\n\n")[0]
        dims = _text_dimensions(section)
        assert len(dims) == 4
        for name, score, plus, minus in dims:
            top, base, room = rooms[names[name]]
            _check(score, top, base, room, plus, minus)
        total = re.search(rf"total = (?:min\(sum of dimensions ({NUM}), cap ({NUM})\)|sum of "
                          rf"dimensions) = ({NUM})", section)  # fmt: skip
        assert total, section
        subtotal = sum(d[1] for d in dims)
        cap = float(total.group(2)) if total.group(2) else 100.0
        assert float(total.group(3)) == pytest.approx(min(subtotal, cap), abs=0.006)


def test_markdown_report_recomputes_for_every_calibration_submission(grades: list[Grade]) -> None:
    text = get_grade_renderer("markdown")(grades, INFO)
    rooms = _rooms(text[text.index("## Legend") :])
    names = {d.name: d.id for d in grades[0].dimensions}
    for section in text.split("\n### ")[1:]:
        head = re.match(rf"(.+): ({NUM})/({NUM})\n", section)
        assert head
        body = section.split("\n## ")[0].split("\n**total")[0]
        minus = [float(v) for v in re.findall(rf"^- \*\*-({NUM})\*\*", body, re.M)]
        plus = [float(v) for v in re.findall(rf"^- \*\*\+({NUM})\*\*", body, re.M)]
        top, base, room = rooms[names[head.group(1)]]
        _check(float(head.group(2)), top, base, room, plus, minus)
    assert text.count("\n### ") == 4 * len(grades)


def test_html_report_recomputes_for_every_calibration_submission(grades: list[Grade]) -> None:
    page = get_grade_renderer("html")(grades, INFO)
    legend = html.unescape(page[page.index("<h2>Legend</h2>") :])
    rooms = _rooms(legend)
    names = {d.name: d.id for d in grades[0].dimensions}
    blocks = re.findall(r'<div class="dim \w+">(.*?)</ul></div>', page, re.S)
    assert len(blocks) == 4 * len(grades)
    for block in blocks:
        head = re.search(rf"<h3>(.+?): ({NUM}) / ({NUM})</h3>", block)
        assert head
        minus = [float(v) for v in re.findall(rf'class="minus" data-points="({NUM})"', block)]
        plus = [float(v) for v in re.findall(rf'class="plus" data-points="({NUM})"', block)]
        top, base, room = rooms[names[html.unescape(head.group(1))]]
        _check(float(head.group(2)), top, base, room, plus, minus)


def test_json_and_csv_recompute_for_every_calibration_submission(grades: list[Grade]) -> None:
    doc = json.loads(get_grade_renderer("json")(grades, INFO))
    rooms = doc["report"]["credit_room"]
    for sub in doc["submissions"]:
        for d in sub["dimensions"]:
            assert d["credit_room"] == rooms[d["id"]] and d["base"] == d["max"] - d["credit_room"]
            _check(d["score"], d["max"], d["base"], d["credit_room"],
                   [i["points"] for i in d["credits"]],
                   [i["points"] for i in d["deductions"]])  # fmt: skip
        subtotal = sum(d["score"] for d in sub["dimensions"])
        cap = sub["cap"] if sub["cap"] is not None else 100
        assert sub["score"] == pytest.approx(min(subtotal, cap), abs=0.006)
    rows = list(csv.DictReader(io.StringIO(get_grade_renderer("csv")(grades, INFO))))
    assert len(rows) == len(grades)
    for row in rows:
        for dim in ("secrets", "injection", "configuration", "hygiene"):
            top = {d: m for d, (m, _, _) in _rooms("; ".join(INFO.legend)).items()}[dim]
            base, got, lost = (float(row[f"{dim}_{p}"]) for p in ("base", "credits", "deductions"))
            _check(float(row[dim]), top, base, 100.0, [got], [lost])


def test_every_format_carries_versions_date_and_legend(grades: list[Grade]) -> None:
    for fmt in FORMATS:
        out = get_grade_renderer(fmt)(grades[:2], INFO)
        assert INFO.tool_version in out and INFO.rubric_revision in out and INFO.date in out, fmt
        if fmt != "csv":
            assert "repeats of one issue" in out and "credit room" in out, fmt


def test_rule_deductions_explain_themselves_and_name_soc2(grades: list[Grade]) -> None:
    mediocre = next(g for g in grades if g.name == "mediocre")
    rules = [i for d in mediocre.dimensions for i in d.deductions if re.match(r"SC\d", i.key)]
    assert rules
    for item in rules:
        assert item.explain and item.soc2.startswith("CC"), item
    text = get_grade_renderer("text")([mediocre], INFO)
    assert "what: " in text and "SOC 2: CC" in text


def _by_name(grades: list[Grade]) -> dict[str, Grade]:
    return {g.name: g for g in grades}


def test_knockouts_cap_the_total_and_show_their_evidence(grades: list[Grade]) -> None:
    cli, prod = _by_name(grades)["cli-live-key"], _by_name(grades)["django-env-prod"]
    assert cli.cap == 30 and cli.subtotal > 30 and cli.score == 30
    (cap,) = cli.caps
    assert cap.id == "live-key-at-head" and cap.evidence[0].path == "weather/cli.py"
    assert prod.cap == 45 and prod.subtotal > 45
    assert [c.id for c in prod.caps] == ["production-env-file-at-head"]
    assert prod.caps[0].evidence[0].path == ".env.prod"
    for fmt in FORMATS:
        out = get_grade_renderer(fmt)([cli], INFO)
        assert "30" in out and ("live-key-at-head" in out or fmt == "csv"), fmt
    clean = _by_name(grades)["excellent"]
    assert clean.cap is None and clean.caps == () and clean.score == clean.subtotal


def test_weak_credentials_count_below_a_high_entropy_secret(grades: list[Grade]) -> None:
    spec = RUBRIC.signals["weak-credential"]
    assert 0 < -spec.points < RUBRIC.points(*sorted(RUBRIC.deductions)[-1])
    for name, paths in (("weak-db-password", {".env.development", "docker-compose.yml"}),
                        ("flask-weak-dsn", {"notes/config.py", "docker-compose.yml"})):  # fmt: skip
        secrets = next(d for d in _by_name(grades)[name].dimensions if d.id == "secrets")
        # SC120 replaces the signal when it is in the catalogue (rubric `replaced_by`)
        (item,) = [i for i in secrets.deductions if i.key in ("weak-credential", "SC120")]
        assert {e.path for e in item.evidence} == paths
        assert all("redacted" in e.snippet for e in item.evidence)
        assert all("supersecret123" not in e.snippet for e in item.evidence)


def test_tests_are_found_by_framework_convention(grades: list[Grade]) -> None:
    django = _by_name(grades)["django-tests"]
    assert any(s.id == "tests-present" and s.evidence[0].path == "api/tests.py"
               for s in django.positives)  # fmt: skip
    hygiene = next(d for d in django.dimensions if d.id == "hygiene")
    assert not [i for i in hygiene.deductions if i.key == "no-tests"]
    generated = next(d for d in _by_name(grades)["generated-migrations"].dimensions
                     if d.id == "hygiene")  # fmt: skip
    # startapp's tests.py ("# Create your tests here.") holds no test
    assert [i.key for i in generated.deductions if i.key == "no-tests"] == ["no-tests"]


def test_no_credit_from_generated_files_or_framework_defaults(grades: list[Grade]) -> None:
    generated = _by_name(grades)["generated-migrations"]
    credited = {e.path for s in generated.positives for e in s.evidence}
    assert not [p for p in credited if "migrations/" in p]
    assert "validated-input-model" not in {s.id for s in generated.positives}
    for name in ("generated-migrations", "django-tests"):
        assert "security-middleware" not in {s.id for s in _by_name(grades)[name].positives}
    # the same signal is still credited when the candidate configured it
    assert "security-middleware" in {s.id for s in _by_name(grades)["broken-object"].positives}


def test_inferred_skeleton_is_said_and_its_findings_inherited(grades: list[Grade]) -> None:
    skeleton = _by_name(grades)["employer-skeleton"]
    assert any("Acme Hiring" in n and "--base" in n for n in skeleton.notes)
    assert not skeleton.findings  # the skeleton's hard-coded token is not charged...
    inherited = [i for d in skeleton.dimensions for i in d.inherited]
    keys = {i.key for i in inherited}
    assert "SC101" in keys and keys & {"weak-credential", "SC120"}  # ...but listed


def _skeleton_sha(repo: Path) -> str:
    out = subprocess.run(["git", "-C", str(repo), "rev-list", "--reverse", "HEAD"],
                         capture_output=True, text=True, check=True)  # fmt: skip
    return out.stdout.split()[1]  # the employer's second (last) commit


def test_base_rev_leaves_skeleton_findings_out_and_lists_them(built: dict[str, Path]) -> None:
    repo = built["employer-skeleton"]
    runner = CliRunner()
    given = runner.invoke(main, ["grade", "--format", "json", "--base", _skeleton_sha(repo),
                                 str(repo)])  # fmt: skip
    everything = runner.invoke(main, ["grade", "--format", "json", "--base", "none", str(repo)])
    assert given.exit_code == 0 and everything.exit_code == 0, given.output
    mine, all_of_it = (json.loads(r.output)["submissions"][0] for r in (given, everything))

    def keys(sub: dict[str, Any], part: str) -> set[str]:
        return {i["key"] for d in sub["dimensions"] for i in d[part]}

    assert "SC101" in keys(mine, "inherited") and "SC101" not in keys(mine, "deductions")
    assert "SC101" in keys(all_of_it, "deductions") and not keys(all_of_it, "inherited")
    assert mine["score"] > all_of_it["score"]
    assert any("given" in n for n in mine["notes"])
    missing = runner.invoke(main, ["grade", "--format", "json", "--base", "no-such-rev",
                                   str(repo)])  # fmt: skip
    assert missing.exit_code == 0
    assert any("not usable" in n for n in json.loads(missing.output)["submissions"][0]["notes"])


def test_batch_config_names_the_base(built: dict[str, Path], tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    BUILD.build(inbox, ["employer-skeleton"])
    sha = _skeleton_sha(inbox / "employer-skeleton")
    (inbox / ".secretcheck-grade.toml").write_text(f'base = "{sha}"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["grade", "--batch", "--format", "json", str(inbox)])
    assert result.exit_code == 0, result.output
    (sub,) = json.loads(result.output)["submissions"]
    assert any(sha[:10] in n and "given" in n for n in sub["notes"])
    (inbox / ".secretcheck-grade.toml").write_text("bsae = 1\n", encoding="utf-8")
    bad = CliRunner().invoke(main, ["grade", "--batch", str(inbox)])
    assert bad.exit_code == 2 and "bsae" in bad.output
