"""Baseline triage end to end in a real git repo: create (warns on critical), list, audit
driven through stdin, --fail-on-unaudited, byte stability, no plaintext; detect-secrets import."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from click.testing import CliRunner
from conftest import git, run_cli, write_tree

from secretcheck.cli import main
from secretcheck.examples import expand

GH = expand("{{crc_token:ghp}}", "triage-gh")
PEM = expand("{{pem:RSA PRIVATE KEY}}", "triage-pem")
DB = expand("{{password:16}}", "triage-db")
SECRETS = (GH, DB, *PEM.splitlines()[1:-1])


def _repo(git_repo: Path) -> Path:
    write_tree(git_repo, {
        "app.py": f'GITHUB_TOKEN = "{GH}"\nDB_PASSWORD = "{DB}"\n',
        "deploy/key.pem": PEM + "\n",
    })  # fmt: skip
    git(git_repo, "add", "-A")
    git(git_repo, "commit", "-qm", "secrets")
    return git_repo


def _audit(repo: Path, answers: str, *args: str) -> tuple[int, str]:
    old = Path.cwd()
    os.chdir(repo)
    try:
        result = CliRunner().invoke(
            main, ["baseline", "audit", "--by", "auditor@example.invalid", *args], input=answers
        )
    finally:
        os.chdir(old)
    return result.exit_code, result.output


def test_the_baseline_flow_end_to_end(git_repo: Path) -> None:
    repo = _repo(git_repo)
    created = run_cli("baseline", "create", cwd=repo)
    assert created.exit_code == 0, created.stderr
    assert "critical or validated secret(s)" in created.stderr
    assert "app.py:1 SC303 critical" in created.stderr and "rotate" in created.stderr
    assert not any(s in created.stderr for s in SECRETS)
    baseline = repo / ".secretcheck-baseline.json"
    first = baseline.read_bytes()

    listed = run_cli("baseline", "list", cwd=repo)
    assert listed.exit_code == 0
    rows = [line for line in listed.stdout.splitlines() if line.startswith("unaudited")]
    entries = json.loads(first)["entries"]
    assert len(rows) == len(entries) >= 3
    assert any("app.py:1" in r and "SC303" in r for r in rows)
    assert not any(s in listed.stdout for s in SECRETS)

    gate = ("scan", "--baseline", ".secretcheck-baseline.json", "--fail-on-unaudited", ".")
    blocked = run_cli(*gate, cwd=repo)
    assert blocked.exit_code == 1
    assert f"{len(entries)} baseline entries have no verdict" in blocked.stderr

    # Skip everything, then quit: nothing recorded, the file is byte-identical.
    code, _ = _audit(repo, "s\n" + "q\n")
    assert code == 0 and baseline.read_bytes() == first

    # y for the first, n (with a reason) for every other.
    answers = "y\nrotated on 2026-12-01\n" + "n\ntest fixture\n" * (len(entries) - 1)
    code, output = _audit(repo, answers)
    assert code == 0, output
    assert not any(s in output for s in SECRETS)
    audited = json.loads(baseline.read_text())["entries"]
    assert {e["verdict"] for e in audited} == {"true-positive", "false-positive"}
    assert {e["audited_by"] for e in audited} == {"auditor@example.invalid"}
    assert all(len(e["audited_at"]) == 10 for e in audited)  # YYYY-MM-DD, no time of day
    assert "rotated on 2026-12-01" in {e["reason"] for e in audited}
    text = baseline.read_text()
    assert not any(s in text for s in SECRETS)
    assert not any(hashlib.sha256(s.encode()).hexdigest() in text for s in SECRETS)

    passed = run_cli(*gate, cwd=repo)
    assert passed.exit_code == 0, passed.stderr
    # Verdicts survive a re-create and an update, byte for byte.
    judged = baseline.read_bytes()
    assert run_cli("baseline", "create", "-q", cwd=repo).exit_code == 0
    assert baseline.read_bytes() == judged
    assert run_cli("baseline", "update", "-q", cwd=repo).exit_code == 0
    assert baseline.read_bytes() == judged
    assert "false-positive" in run_cli("baseline", "list", cwd=repo).stdout


def test_a_bad_verdict_in_a_hand_edited_baseline_is_a_usage_error(git_repo: Path) -> None:
    repo = _repo(git_repo)
    assert run_cli("baseline", "create", "-q", cwd=repo).exit_code == 0
    baseline = repo / ".secretcheck-baseline.json"
    data = json.loads(baseline.read_text())
    data["entries"][0].update(verdict="maybe", reason="", audited_by="", audited_at="")
    baseline.write_text(json.dumps(data))
    result = run_cli("scan", "--baseline", str(baseline), ".", cwd=repo)
    assert result.exit_code == 2 and "verdict must be one of" in result.stderr


def test_import_of_a_detect_secrets_baseline(git_repo: Path) -> None:
    repo = _repo(git_repo)
    document = {
        "version": "1.5.0",
        "results": {
            "app.py": [
                {"type": "GitHub Token", "filename": "app.py", "line_number": 1,
                 "hashed_secret": hashlib.sha1(GH.encode()).hexdigest(), "is_secret": False},
                {"type": "Secret Keyword", "filename": "app.py", "line_number": 9,
                 "hashed_secret": hashlib.sha1(b"gone").hexdigest()},
            ]
        },
    }  # fmt: skip
    (repo / ".secrets.baseline").write_text(json.dumps(document))
    result = run_cli("baseline", "import", ".secrets.baseline", cwd=repo)
    assert result.exit_code == 0, result.stderr
    assert "wrote 1 entries" in result.stderr
    assert "1 detect-secrets entries matched no" in result.stderr
    entries = json.loads((repo / ".secretcheck-baseline.json").read_text())["entries"]
    assert [(e["rule_id"], e["path"], e["verdict"]) for e in entries] == [
        ("SC303", "app.py", "false-positive")
    ]
    scanned = run_cli("scan", "--format", "json", "--baseline", ".secretcheck-baseline.json",
                      "app.py", cwd=repo).json()  # fmt: skip
    state = {(f["rule_id"], f["baseline"]) for f in scanned["findings"]}
    assert ("SC303", "known") in state
