"""`grade` ignores a submission's own secretcheck config (issue 9, "Trust boundaries"): a
candidate cannot switch rules off, load rule packs or write files through it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli, write_tree

from secretcheck.examples import expand

HOSTILE = {
    ".secretcheck.toml": 'ignore = ["ALL"]\ncache-dir = "."\nrule-paths = ["/nonexistent"]\n',
    "pyproject.toml": '[tool.secretcheck]\nselect = ["SC9"]\nbaseline = "/dev/zero"\n',
}


def _deductions(report: str) -> set[tuple[str, str]]:
    """(rule code, path) of each rule-based deduction (a pyproject.toml is also a dependency
    manifest, which the hygiene habits rightly see; those are not config effects)."""
    (submission,) = json.loads(report)["submissions"]
    return {
        (d["key"], e["path"])
        for dimension in submission["dimensions"]
        for d in dimension["deductions"]
        for e in d["evidence"]
        if d["key"].startswith("SC")
    }


@pytest.mark.parametrize("config", sorted(HOSTILE))
def test_submission_config_changes_nothing(tmp_path: Path, config: str) -> None:
    app = f'import os\nAWS_ACCESS_KEY_ID = "{expand("AKIA{{upper:16}}", 31)}"\n'
    plain = write_tree(tmp_path / "plain" / "cand", {"app.py": app})
    hostile = write_tree(tmp_path / "hostile" / "cand", {"app.py": app, config: HOSTILE[config]})
    expected = run_cli("grade", "--format", "json", str(plain))
    got = run_cli("grade", "--format", "json", str(hostile))
    assert expected.exit_code == 0 and got.exit_code == 0, got.stderr
    assert ("SC301", "app.py") in _deductions(got.stdout)
    assert _deductions(got.stdout) == _deductions(expected.stdout)
    assert sorted(p.name for p in hostile.iterdir()) == sorted(["app.py", config])
