"""Issue 9 gaps found by the independent check: exit 3 for `baseline` and `history`, and the
per-file CPU budget for texts scanned outside a tree scan (history fragments, graded files).

Every other cause of issue 9 has its regression test in test_hostile_git.py, test_bounds.py,
test_bad_config.py, test_bad_rulepacks.py, test_cache_trust.py, test_redaction.py and
tests/grading/test_grade_batch.py; these cover only what none of those did.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import git, run_cli, write_tree

import secretcheck.engines.keyvalue
import secretcheck.pipeline
from secretcheck.examples import expand
from secretcheck.pipeline import scan_text_detected
from secretcheck.settings import Settings

AWS_KEY = "AKIA{{upper:16}}"
PASSWORD = "{{password:14}}"


def leaky_module(seed: int = 0) -> str:
    """A text-detector finding (the AWS key id, SC301) and a syntax-tree one (the password)."""
    key, password = expand(AWS_KEY, seed), expand(PASSWORD, seed)
    return f'import os\nAWS_KEY_ID = "{key}"\ndb_password = "{password}"\n'


def _broken(*args: object, **kwargs: object) -> list[object]:
    raise ZeroDivisionError


def test_baseline_create_over_a_failing_detector_exits_3(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A detector bug cannot be produced from input once fixed, so one stage is replaced by a
    # failing one (as in test_bounds.py); the CLI, pipeline and baseline writer are real.
    monkeypatch.setattr(secretcheck.pipeline, "run_cst", _broken)
    write_tree(tmp_path, {"app.py": leaky_module()})
    result = run_cli("baseline", "create", ".", cwd=tmp_path)
    assert result.exit_code == 3, result.stderr
    assert "scan error: app.py: internal error (ZeroDivisionError)" in result.stderr
    doc = json.loads((tmp_path / ".secretcheck-baseline.json").read_text(encoding="utf-8"))
    assert len(doc["entries"]) == 1  # the text detector's AWS key is still accepted
    update = run_cli("baseline", "update", ".", cwd=tmp_path)
    assert update.exit_code == 3 and "scan error: app.py" in update.stderr


def test_history_over_a_failing_detector_exits_3_and_keeps_the_rest(
    git_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the engine registry (secretcheck.engines.ENGINES) calls the module's function at run time
    monkeypatch.setattr(secretcheck.engines.keyvalue, "run_keyvalue", _broken)
    write_tree(git_repo, {"app.py": leaky_module()})
    git(git_repo, "add", "-A")
    git(git_repo, "commit", "-qm", "leak")
    result = run_cli("history", "-j", "1", "--format", "json", cwd=git_repo)
    assert result.exit_code == 3, result.stderr
    doc = result.json()
    assert "SC301" in {s["rule_id"] for s in doc["secrets"]}  # the other engines' findings stay
    (error,) = doc["errors"]
    assert "app.py: internal error (ZeroDivisionError)" in error
    assert "scan error:" in result.stderr
    assert expand(PASSWORD, 0) not in result.stdout + result.stderr


def test_history_without_errors_has_an_empty_error_list(git_repo: Path) -> None:
    write_tree(git_repo, {"app.py": leaky_module()})
    git(git_repo, "add", "-A")
    git(git_repo, "commit", "-qm", "leak")
    result = run_cli("history", "-j", "1", "--format", "json", cwd=git_repo)
    assert result.exit_code == 1, result.stderr
    assert result.json()["errors"] == []


def test_a_text_scanned_outside_a_tree_scan_keeps_to_the_file_budget() -> None:
    """History and grade scan texts through `scan_text`; past the budget the syntax-tree stage
    stops and the text detectors' findings stay, as in a tree scan."""
    text = leaky_module()
    bounded = scan_text_detected(text, "app.py", "python", Settings(file_budget=1e-9))
    assert bounded.partial == "budget"
    assert {f.rule_id for f in bounded.findings} == {"SC301"}
    full = scan_text_detected(text, "app.py", "python", Settings())
    assert full.partial == "" and {f.rule_id for f in full.findings} == {"SC301", "SC101"}
