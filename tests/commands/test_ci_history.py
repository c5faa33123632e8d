"""History in CI and code scanning: history --baseline / ignore file turn a nightly job green
after rotation; history SARIF validates; SARIF helpUri and GitHub CWE tags; --only-new; the
GitHub job summary."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from click.testing import CliRunner
from conftest import git, run_cli, write_tree

from secretcheck.cli import main
from secretcheck.examples import expand

TOKEN = expand("{{crc_token:ghp}}", "nightly")
SCHEMA = json.loads((Path(__file__).parent.parent / "data" / "sarif-schema-2.1.0.json").read_text())


def _leaked_then_rotated(repo: Path) -> Path:
    write_tree(repo, {"app.py": f'TOKEN = "{TOKEN}"\n'})
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "leak")
    write_tree(repo, {"app.py": 'import os\nTOKEN = os.environ["TOKEN"]\n'})
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "rotate")
    return repo


def test_history_sarif_validates_and_carries_help_and_cwe_tags(git_repo: Path) -> None:
    repo = _leaked_then_rotated(git_repo)
    result = run_cli("history", "--format", "sarif", cwd=repo)
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    jsonschema.validate(document, SCHEMA)
    run = document["runs"][0]
    (found,) = run["results"]
    assert found["ruleId"] == "SC303" and "added in" in found["message"]["text"]
    rule = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "SC303")
    assert rule["helpUri"].startswith("https://github.com/secretcheck/secretcheck/blob/main/rules/")
    assert "external/cwe/cwe-798" in rule["properties"]["tags"]
    assert TOKEN not in result.stdout
    for fmt in ("junit", "github"):
        other = run_cli("history", "--format", fmt, cwd=repo)
        assert other.exit_code == 1 and "SC303" in other.stdout and TOKEN not in other.stdout


def test_history_json_has_findings_and_the_old_alias(git_repo: Path) -> None:
    document = run_cli("history", "--format", "json", cwd=_leaked_then_rotated(git_repo)).json()
    assert document["findings"] == document["secrets"]
    assert [f["status"] for f in document["findings"]] == ["removed"]


def test_an_ignore_file_turns_the_nightly_job_green(git_repo: Path) -> None:
    repo = _leaked_then_rotated(git_repo)
    red = run_cli("history", "--format", "json", cwd=repo)
    assert red.exit_code == 1
    fingerprint = red.json()["findings"][0]["fingerprint"]
    (repo / ".secretcheck-history-ignore").write_text(
        f"# rotated secrets\n{fingerprint}  rotated 2026-12-01 by ops (INC-42)\n"
    )
    green = run_cli("history", "--format", "json", cwd=repo)
    assert green.exit_code == 0, green.stderr
    (item,) = green.json()["findings"]
    assert item["suppressed"] is True
    assert item["suppression_reason"] == "rotated 2026-12-01 by ops (INC-42)"
    (repo / ".secretcheck-history-ignore").write_text(f"{fingerprint}\n")
    missing_reason = run_cli("history", cwd=repo)
    assert missing_reason.exit_code == 2 and "the reason is required" in missing_reason.stderr


def test_history_baseline_accepts_what_the_baseline_holds(git_repo: Path) -> None:
    write_tree(git_repo, {"app.py": f'TOKEN = "{TOKEN}"\n'})
    git(git_repo, "add", "-A")
    git(git_repo, "commit", "-qm", "leak")
    assert run_cli("baseline", "create", "-qq", cwd=git_repo).exit_code == 0
    assert run_cli("history", cwd=git_repo).exit_code == 1
    accepted = run_cli("history", "--format", "json", "--baseline", ".secretcheck-baseline.json",
                       cwd=git_repo)  # fmt: skip
    assert accepted.exit_code == 0, accepted.stderr
    assert [f["baseline"] for f in accepted.json()["findings"]] == ["known"]


def test_only_new_leaves_baselined_and_suppressed_out_and_the_job_summary(
    git_repo: Path, tmp_path: Path
) -> None:
    write_tree(git_repo, {"old.py": f'TOKEN = "{TOKEN}"\n'})
    assert run_cli("baseline", "create", "-qq", cwd=git_repo).exit_code == 0
    other = expand("{{crc_token:ghp}}", "new-one")
    write_tree(git_repo, {
        "new.py": f'TOKEN = "{other}"\n',
        "waived.py": f'TOKEN = "{other}x"  # secretcheck: ignore -- test value\n',
    })  # fmt: skip
    args = ["scan", "--no-cache", "--baseline", ".secretcheck-baseline.json", "."]
    full = json.loads(run_cli(*args, "--format", "sarif", cwd=git_repo).stdout)
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in full["runs"][0]["results"]} >= {"old.py", "new.py"}  # fmt: skip
    lean = json.loads(run_cli(*args, "--format", "sarif", "--only-new", cwd=git_repo).stdout)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in lean["runs"][0]["results"]}  # fmt: skip
    assert uris == {"new.py"}
    jsonschema.validate(lean, SCHEMA)

    summary = tmp_path / "summary.md"
    old = Path.cwd()
    try:
        import os

        os.chdir(git_repo)
        result = CliRunner().invoke(main, [*args, "--format", "github"],
                                    env={"GITHUB_STEP_SUMMARY": str(summary)})  # fmt: skip
    finally:
        os.chdir(old)
    assert result.exit_code == 1
    text = summary.read_text()
    assert "| Severity | Rule | Location | Message |" in text and "`new.py:1`" in text
    assert "1 baselined, 1 suppressed" in text
    assert other not in text and TOKEN not in text
    assert "::error file=new.py" in result.stdout
