"""The HTML report in a real headless browser: what a reviewer sees, and what they must not.

CI installs Debian's chromium (`apt-get install -y chromium`); without it the test is skipped
with that reason. The browser runs offline on a local file, with a throwaway profile.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from calibration import load_build

from secretcheck.examples import expand
from secretcheck.grading.grade import grade_paths
from secretcheck.grading.legend import report_info
from secretcheck.grading.render_html import render_html
from secretcheck.grading.rubric import load_rubric

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed: apt-get install chromium"),
]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions"]  # fmt: skip


def _chromium(profile: Path, *args: str) -> str:
    assert CHROMIUM is not None
    done = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    return done.stdout


def test_html_report_renders_score_bars_and_redacted_evidence(tmp_path: Path) -> None:
    build = load_build()
    repos = build.build(tmp_path / "subs", ["removed-key", "poor"])
    rubric = load_rubric()
    grades = grade_paths(sorted(repos.values()), rubric)
    info = report_info(rubric)
    page = tmp_path / "report.html"
    page.write_text(render_html(grades, info), encoding="utf-8")
    html = page.read_text(encoding="utf-8")
    assert "<script" not in html and "http" not in re.sub(r"<code>.*?</code>", "", html)

    dom = _chromium(tmp_path / "profile", "--dump-dom", page.as_uri())
    text = re.sub(r"<[^>]+>", " ", dom)
    for g in grades:
        score = f"{g.score:.1f}".rstrip("0").rstrip(".")
        assert f"{score} / 100" in text
        for d in g.dimensions:
            assert d.name in text
    assert dom.count('class="fill"') == 8  # one bar per dimension per submission
    # what a reviewer needs to trace the grade: tool and rubric version, date, legend, sums
    meta = re.search(r'id="report-meta">([^<]+)<', dom)
    assert meta and f"secretcheck {info.tool_version}" in meta.group(1)
    assert f"rubric {info.rubric_revision}" in meta.group(1) and info.date in meta.group(1)
    assert "Legend" in text and "credit room" in text and dom.count('<p class="sum">= base ') == 8
    assert "[40 chars redacted]" in text  # the removed key, shown redacted
    src = (build.CALIBRATION / "removed-key" / "versions" / "translate-v1.py").read_text()
    secret = expand(src, seed="0:removed-key").split('TRANSLATE_API_KEY = "')[1].split('"')[0]
    assert secret not in dom and secret not in html

    shot = tmp_path / "report.png"
    _chromium(tmp_path / "profile", f"--screenshot={shot}", "--window-size=1200,2000",
              page.as_uri())  # fmt: skip
    assert shot.stat().st_size > 10_000  # something was painted
