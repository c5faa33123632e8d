"""Each silent mistake of issue 12 fails (exit 2) or warns (an SC902 diagnostic, a message)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli, write_tree
from test_bad_config import RULE

from secretcheck.examples import expand

TOKEN = expand("{{crc_token:ghp}}", "silent")
# The broken comments are built at run time so that this file does not itself hold them
# (the repository's self-scan would report each one as SC902).
DIRECTIVE = "# secret" + "check: "


def _findings(root: Path, *args: str) -> list[dict[str, object]]:
    result = run_cli("scan", "--no-cache", "--format", "json", *args, ".", cwd=root)
    assert result.exit_code in (0, 1), result.stderr
    return result.json()["findings"]  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("args", "config", "key"),
    [
        (("--select", "SC999"), "", "select: 'SC999'"),
        (("--ignore", "SC999"), "", "ignore: 'SC999'"),
        ((), 'ignore = ["SC98"]\n', "ignore: 'SC98'"),
        ((), 'select = ["SC999"]\n', "select: 'SC999'"),
        ((), 'per-file-ignores = { "tests/*" = ["SC777"] }\n', "per-file-ignores 'tests/*'"),
    ],
)
def test_an_unknown_rule_code_is_a_usage_error(
    tmp_path: Path, args: tuple[str, ...], config: str, key: str
) -> None:
    write_tree(tmp_path, {".secretcheck.toml": config, "app.py": f'TOKEN = "{TOKEN}"\n'})
    result = run_cli("scan", "--no-cache", *args, ".", cwd=tmp_path)
    assert result.exit_code == 2
    assert key in result.stderr and "matches no rule" in result.stderr
    assert result.stdout == ""


def test_the_code_of_a_removed_rule_may_still_be_ignored(tmp_path: Path) -> None:
    removed = RULE.replace('severity = "high"', 'severity = "high"\nremoved = true')
    write_tree(tmp_path, {"packs/acme/acme.toml": removed, "app.py": "x = 1\n"})
    result = run_cli("scan", "--no-cache", "--rule-path", "packs", "--ignore", "SC701", ".",
                     cwd=tmp_path)  # fmt: skip
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize(
    ("comment", "problem"),
    [
        ("ignroe", ": ignroe...): write"),
        ("ignore[SC999]", "'SC999' matches no rule"),
        ("ignore[SC3O3]", "'SC3O3' is not a rule code"),
        ("ignore[SC303", "malformed suppression comment"),
    ],
)
def test_a_suppression_comment_that_suppresses_nothing_is_reported(
    tmp_path: Path, comment: str, problem: str
) -> None:
    write_tree(tmp_path, {"app.py": f'TOKEN = "{TOKEN}"  {DIRECTIVE}{comment}\n'})
    found = {(f["rule_id"], f["suppressed"], f["line"]) for f in _findings(tmp_path)}
    assert ("SC303", False, 1) in found  # the secret is not suppressed ...
    assert ("SC902", False, 1) in found  # ... and the comment says why
    messages = [f["message"] for f in _findings(tmp_path) if f["rule_id"] == "SC902"]
    assert len(messages) == 1 and problem in str(messages[0])


def test_a_suppression_reason_is_kept_in_json(tmp_path: Path) -> None:
    write_tree(tmp_path, {
        "app.py": f'TOKEN = "{TOKEN}"  # secretcheck: ignore[SC303] -- rotated test key\n',
        "other.py": f'OTHER = "{TOKEN}"  # secretcheck: ignore[SC303]\n',
    })  # fmt: skip
    found = {f["path"]: f for f in _findings(tmp_path) if f["rule_id"] == "SC303"}
    assert found["app.py"]["suppressed"] is True
    assert found["app.py"]["suppression_reason"] == "rotated test key"
    assert found["other.py"]["suppressed"] is True
    assert found["other.py"]["suppression_reason"] is None
    assert not [f for f in _findings(tmp_path) if f["rule_id"] == "SC902"]


SQL = (
    "import sqlite3\nfrom flask import request\n\n"
    "def view():\n"
    "    name = request.args['name']\n"
    "    sqlite3.connect('x').execute(\"SELECT * FROM t WHERE n = '\" + name + \"'\"){}\n"
)


def test_nosec_waives_input_handling_rules_only(tmp_path: Path) -> None:
    write_tree(tmp_path, {
        "view.py": SQL.format("  # nosec"),
        "keys.py": f'TOKEN = "{TOKEN}"  # nosec\n',
    })  # fmt: skip
    state = {(f["path"], f["rule_id"]): f["suppressed"] for f in _findings(tmp_path)}
    assert state[("view.py", "SC201")] is True
    assert state[("keys.py", "SC303")] is False  # nosec is bandit's: not for secrets


def test_gitleaks_allow_waives_secret_rules_only(tmp_path: Path) -> None:
    write_tree(tmp_path, {
        "view.py": SQL.format("  # gitleaks:allow"),
        "keys.py": f'TOKEN = "{TOKEN}"  # gitleaks:allow\n',
    })  # fmt: skip
    state = {(f["path"], f["rule_id"]): f["suppressed"] for f in _findings(tmp_path)}
    assert state[("keys.py", "SC303")] is True
    assert state[("view.py", "SC201")] is False


def test_foreign_markers_can_be_switched_off(tmp_path: Path) -> None:
    write_tree(tmp_path, {
        ".secretcheck.toml": "honor-nosec = false\nhonor-gitleaks-allow = false\n",
        "view.py": SQL.format("  # nosec"),
        "keys.py": f'TOKEN = "{TOKEN}"  # gitleaks:allow\n',
    })  # fmt: skip
    state = {(f["path"], f["rule_id"]): f["suppressed"] for f in _findings(tmp_path)}
    assert state[("view.py", "SC201")] is False
    assert state[("keys.py", "SC303")] is False
    # The same tree, cached first with the markers on, must not reuse those results.
    (tmp_path / ".secretcheck.toml").write_text("")
    run_cli("scan", "--format", "json", ".", cwd=tmp_path)
    (tmp_path / ".secretcheck.toml").write_text("honor-gitleaks-allow = false\n")
    cached = run_cli("scan", "--format", "json", ".", cwd=tmp_path).json()["findings"]
    assert {(f["path"], f["suppressed"]) for f in cached if f["rule_id"] == "SC303"} == {
        ("keys.py", False)
    }


def test_fail_on_stale_says_why_it_failed(git_repo: Path) -> None:
    write_tree(git_repo, {"app.py": f'TOKEN = "{TOKEN}"\n'})
    assert run_cli("baseline", "create", cwd=git_repo).exit_code == 0
    (git_repo / "app.py").write_text("TOKEN = load()\n")
    result = run_cli("scan", "--baseline", ".secretcheck-baseline.json", "--fail-on-stale", ".",
                     cwd=git_repo)  # fmt: skip
    assert result.exit_code == 1
    assert "--fail-on-stale: 1 baseline entries match nothing any more" in result.stderr


def test_a_rule_paths_folder_without_rules_is_an_error(tmp_path: Path) -> None:
    write_tree(tmp_path, {".secretcheck.toml": 'rule-paths = ["packs"]\n', "packs/README": "x\n"})
    result = run_cli("scan", "--no-cache", ".", cwd=tmp_path)
    assert result.exit_code == 2
    assert "holds no rule files" in result.stderr


def test_a_pack_placed_directly_in_rule_paths_loads_and_is_listed(tmp_path: Path) -> None:
    token = expand("acme_{{lower_alnum:24}}", 3)
    write_tree(tmp_path, {
        ".secretcheck.toml": 'rule-paths = ["packs"]\n',
        "packs/acme.toml": RULE,
        "deploy.txt": f"ACME={token}\n",
    })  # fmt: skip
    assert {f["rule_id"] for f in _findings(tmp_path)} == {"SC701"}
    listed = run_cli("rules", cwd=tmp_path)
    assert listed.exit_code == 0
    assert "SC701  acme-test-token" in listed.stdout
    shown = run_cli("rules", "show", "SC701", cwd=tmp_path)
    assert shown.exit_code == 0 and "acme-test-token" in shown.stdout
