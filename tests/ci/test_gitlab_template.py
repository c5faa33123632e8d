"""The GitLab CI template: its `script` lines run for real with bash, as GitLab's runner does
(one shell, `set -eo pipefail`), in a temp repository with a merge-request-like history. The
`before_script` install is replaced by this venv's `secretcheck`."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import git, write_tree

from secretcheck.examples import expand
from tests.ci.workflow import ROOT, bash, load_yaml

OLD = expand("{{crc_token:ghp}}", "gitlab-old")
NEW = expand("{{alnum:24}}", "gitlab-new")
SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())
JOB: dict[str, Any] = load_yaml("ci/gitlab/secretcheck.gitlab-ci.yml")["secretcheck"]


def _merge_request_repo(repo: Path) -> str:
    """The MR's diff base: main holds a baselined secret; the MR branch adds a new one."""
    write_tree(repo, {"app.py": f'TOKEN = "{OLD}"\n'})
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "old secret")
    assert bash("secretcheck baseline create -qq", repo, {}).returncode == 0
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "baseline")
    base = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "checkout", "-qb", "mr")
    write_tree(repo, {"settings.py": f'db_password = "{NEW}"\n'})
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "settings")
    return base


def _run_job(repo: Path, **variables: str) -> tuple[int, str, dict[str, Any], ET.Element]:
    env = {k: str(v) for k, v in JOB["variables"].items()} | variables
    done = bash("\n".join(JOB["script"]), repo, env, "-e", "-o", "pipefail")
    outputs = done.stdout + done.stderr
    for name in JOB["artifacts"]["paths"]:
        outputs += (repo / name).read_text()
    for secret in (OLD, NEW):
        assert secret not in outputs
    sarif = json.loads((repo / "secretcheck.sarif").read_text())
    jsonschema.validate(sarif, SCHEMA)
    junit = ET.parse(repo / JOB["artifacts"]["reports"]["junit"]).getroot()
    return done.returncode, done.stdout, sarif, junit


def _sarif_hits(sarif: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        (r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
        for r in sarif["runs"][0]["results"]
    ]


def test_merge_request_reports_only_the_added_secret(git_repo: Path) -> None:
    base = _merge_request_repo(git_repo)
    code, stdout, sarif, junit = _run_job(git_repo, CI_MERGE_REQUEST_DIFF_BASE_SHA=base)
    assert code == 1
    assert _sarif_hits(sarif) == [("SC101", "settings.py")]
    failures = [c.get("name") for c in junit.iter("testcase") if c.find("failure") is not None]
    assert failures == ["settings.py:1 hardcoded-credential-assignment"]
    assert "settings.py" in stdout and "app.py" not in stdout


@pytest.mark.parametrize(("fail_on", "code"), [("high", 1), ("critical", 0)])
def test_the_default_branch_scans_the_tree_against_the_baseline(
    git_repo: Path, fail_on: str, code: int
) -> None:
    _merge_request_repo(git_repo)
    got, _, sarif, _ = _run_job(
        git_repo, SECRETCHECK_BASELINE=".secretcheck-baseline.json", SECRETCHECK_FAIL_ON=fail_on
    )
    assert got == code  # the new password is high; the critical token is baselined
    assert _sarif_hits(sarif) == [("SC101", "settings.py")]  # reports never scan each other


def test_the_job_keeps_its_reports_and_runs_on_merge_requests_and_the_default_branch() -> None:
    assert JOB["artifacts"]["when"] == "always"
    assert JOB["artifacts"]["reports"]["junit"] in JOB["artifacts"]["paths"]
    assert JOB["variables"]["GIT_DEPTH"] == "0"
    conditions = " ".join(rule["if"] for rule in JOB["rules"])
    assert "merge_request_event" in conditions and "CI_DEFAULT_BRANCH" in conditions
    assert JOB["variables"]["SECRETCHECK_INSTALL"].startswith("secretcheck-py")
