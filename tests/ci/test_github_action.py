"""The composite GitHub Action (action.yml): its shell steps run for real with bash.

A temp repository gets a pull-request-like history: `main` holds an old secret accepted by a
committed baseline; the `feature` branch adds one new secret and one suppressed with a reason.
GitHub's files (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY) are temp files, the expressions of each
step are filled from a context the test gives, and the install step is replaced by the
`secretcheck` of this venv (tests/ci/test_install.py runs the install step itself, slowly).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import git, write_tree

from secretcheck.examples import expand
from tests.ci.workflow import ROOT, bash, load_yaml, read_outputs, substitute

OLD = expand("{{crc_token:ghp}}", "action-old")
NEW = expand("{{alnum:24}}", "action-new")
MUTED = expand("{{crc_token:ghp}}", "action-muted")
SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())
ACTION: dict[str, Any] = load_yaml("action.yml")


def _step(step_id: str) -> dict[str, Any]:
    (step,) = [s for s in ACTION["runs"]["steps"] if s.get("id") == step_id]
    return step


def _pull_request_repo(repo: Path) -> tuple[str, str]:
    """(base sha, head sha): main with a baselined secret; feature adds a new (high) and a
    muted one."""
    write_tree(repo, {"app.py": f'import os\n\nTOKEN = "{OLD}"\n'})
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "old secret")
    done = bash("secretcheck baseline create -qq", repo, {})
    assert done.returncode == 0, done.stderr
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "baseline")
    base = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "checkout", "-qb", "feature")
    write_tree(repo, {
        "client.py": f'db_password = "{NEW}"\n',
        "test_fixture.py": f'FIXTURE = "{MUTED}"  # secretcheck: ignore[SC303] -- revoked demo\n',
    })  # fmt: skip
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "feature")
    return base, git(repo, "rev-parse", "HEAD").strip()


def _run_action(repo: Path, tmp: Path, event: str, base: str, **inputs: str) -> dict[str, Any]:
    """Run the scan step, then the gate step, as the runner would; return what they left."""
    given = {name: str(spec.get("default", "")) for name, spec in ACTION["inputs"].items()}
    given.update({k.replace("_", "-"): v for k, v in inputs.items()})
    runner_temp = tmp / "runner-temp"
    runner_temp.mkdir(exist_ok=True)
    files = {name: tmp / name for name in ("output", "summary")}
    for path in files.values():
        path.write_text("")
    context = {
        "github.action_path": str(ROOT), "github.event_name": event,
        "github.event.pull_request.base.sha": base, "runner.temp": str(runner_temp),
        **{f"inputs.{name}": value for name, value in given.items()},
    }  # fmt: skip
    runner_env = {"GITHUB_OUTPUT": str(files["output"]),
                  "GITHUB_STEP_SUMMARY": str(files["summary"]), "GITHUB_EVENT_NAME": event}
    scan = _step("scan")
    env = {k: substitute(str(v), context) for k, v in scan["env"].items()}
    strict = ("-e", "-o", "pipefail")  # the runner's `shell: bash` flags
    done = bash(substitute(scan["run"], context), repo, {**runner_env, **env}, *strict)
    assert done.returncode == 0, done.stderr  # the scan step never fails; the gate does
    outputs = read_outputs(files["output"])
    context.update({f"steps.scan.outputs.{k}": v for k, v in outputs.items()})
    context.setdefault("steps.scan.outputs.sarif-file", "")
    (gate,) = [s for s in ACTION["runs"]["steps"] if s.get("name") == "Gate on fail-on"]
    gate_env = {k: substitute(str(v), context) for k, v in gate["env"].items()}
    gated = bash(substitute(gate["run"], context), repo, gate_env, *strict)
    sarif_path = Path(outputs["sarif-file"]) if outputs.get("sarif-file") else None
    return {
        "outputs": outputs, "gate": gated.returncode, "summary": files["summary"].read_text(),
        "sarif": json.loads(sarif_path.read_text()) if sarif_path else None,
        "texts": [done.stdout, done.stderr, gated.stdout, gated.stderr,
                  files["summary"].read_text(), files["output"].read_text(),
                  sarif_path.read_text() if sarif_path else ""],
    }  # fmt: skip


def _no_secret_anywhere(texts: list[str]) -> None:
    for secret in (OLD, NEW, MUTED):
        assert not [t for t in texts if secret in t]


def test_pull_request_uploads_only_the_new_finding_and_fails(
    git_repo: Path, tmp_path: Path
) -> None:
    base, _ = _pull_request_repo(git_repo)
    ran = _run_action(git_repo, tmp_path, "pull_request", base,
                      baseline=".secretcheck-baseline.json")  # fmt: skip
    assert ran["gate"] == 1 and ran["outputs"]["exit-code"] == "1"
    jsonschema.validate(ran["sarif"], SCHEMA)
    results = ran["sarif"]["runs"][0]["results"]
    located = [(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
               for r in results]  # fmt: skip
    assert located == [("SC101", "client.py")]  # not the suppressed one, not main's baselined one
    assert "| Severity | Rule | Location | Message |" in ran["summary"]
    assert "`client.py:1`" in ran["summary"] and "test_fixture.py" not in ran["summary"]
    assert "::error file=client.py,line=1" in ran["texts"][0]
    _no_secret_anywhere(ran["texts"])


@pytest.mark.parametrize(("fail_on", "gate"), [("none", 0), ("low", 1), ("critical", 0)])
def test_the_gate_follows_fail_on(git_repo: Path, tmp_path: Path, fail_on: str, gate: int) -> None:
    base, _ = _pull_request_repo(git_repo)
    severity = json.loads(bash("secretcheck scan --format json client.py", git_repo, {}).stdout)
    assert [f["severity"] for f in severity["findings"]] == ["high"]  # so critical passes it
    ran = _run_action(git_repo, tmp_path, "pull_request", base, fail_on=fail_on)
    assert (ran["gate"], ran["outputs"]["exit-code"]) == (gate, str(gate))
    assert len(ran["sarif"]["runs"][0]["results"]) == 1  # reported whatever the gate says
    _no_secret_anywhere(ran["texts"])


def test_push_scans_the_whole_tree_against_the_baseline(git_repo: Path, tmp_path: Path) -> None:
    _pull_request_repo(git_repo)
    git(git_repo, "checkout", "-q", "main")
    ran = _run_action(git_repo, tmp_path, "push", "", baseline=".secretcheck-baseline.json")
    assert ran["gate"] == 0 and ran["outputs"]["exit-code"] == "0"
    jsonschema.validate(ran["sarif"], SCHEMA)
    assert ran["sarif"]["runs"][0]["results"] == []  # baselined: left out, not "unchanged"
    assert "1 baselined" in ran["summary"]
    without = _run_action(git_repo, tmp_path, "push", "")
    assert without["gate"] == 1
    assert [r["ruleId"] for r in without["sarif"]["runs"][0]["results"]] == ["SC303"]
    _no_secret_anywhere(ran["texts"] + without["texts"])


def test_a_missing_base_commit_or_bad_fail_on_is_a_usage_error(
    git_repo: Path, tmp_path: Path
) -> None:
    _pull_request_repo(git_repo)
    missing = _run_action(git_repo, tmp_path, "pull_request", "0" * 40)
    assert missing["gate"] == 2 and "fetch-depth: 0" in missing["texts"][0]
    assert "sarif-file" not in missing["outputs"]
    bad = _run_action(git_repo, tmp_path, "push", "", fail_on="severe")
    assert bad["gate"] == 2 and "fail-on must be" in bad["texts"][0]


def test_the_upload_step_sends_the_scan_steps_sarif_even_when_the_scan_fails() -> None:
    (upload,) = [s for s in ACTION["runs"]["steps"] if "upload-sarif" in s.get("uses", "")]
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["with"]["sarif_file"] == "${{ steps.scan.outputs.sarif-file }}"
    assert upload["if"].startswith("always()")
    names = [s.get("name") for s in ACTION["runs"]["steps"]]
    assert names.index(upload["name"]) < names.index("Gate on fail-on")  # upload, then fail
