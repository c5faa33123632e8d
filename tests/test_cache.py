"""The content-hash cache: same results on a hit, no secret in any entry, misses on change."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from secretcheck.cli import main
from secretcheck.examples import expand
from secretcheck.pipeline import _scan_cached
from secretcheck.settings import Settings

TEMPLATE = 'import os\n\nAWS_ACCESS_KEY_ID = "AKIA{{upper:16}}"\ndb_password = "{{password:14}}"\n'


def _cache_text(root: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in root.rglob("*.json"))


def test_hit_returns_the_same_findings_and_secrets(tmp_path: Path) -> None:
    text = expand(TEMPLATE, seed=3)
    settings = Settings(cache_dir=str(tmp_path / "cache"))
    first = _scan_cached(text, "app.py", "python", settings)
    assert {f.rule_id for f in first} == {"SC301", "SC101"}
    assert list((tmp_path / "cache").rglob("*.json")), "nothing was cached"
    second = _scan_cached(text, "app.py", "python", settings)
    assert second == first
    # The raw value is not stored; it is cut from the text again on a hit.
    assert [f.secret for f in second] == [f.secret for f in first]
    assert all(f.secret for f in second)


def test_no_entry_holds_a_secret(tmp_path: Path) -> None:
    text = expand(TEMPLATE, seed=4)
    settings = Settings(cache_dir=str(tmp_path / "cache"))
    findings = _scan_cached(text, "app.py", "python", settings)
    stored = _cache_text(tmp_path / "cache")
    for finding in findings:
        assert finding.secret and finding.secret not in stored


def test_changed_content_misses_and_damaged_entry_is_ignored(tmp_path: Path) -> None:
    settings = Settings(cache_dir=str(tmp_path / "cache"))
    text = expand(TEMPLATE, seed=5)
    assert len(_scan_cached(text, "app.py", "python", settings)) == 2
    clean = 'import os\n\nAWS_ACCESS_KEY_ID = os.environ["AWS_ACCESS_KEY_ID"]\n'
    assert _scan_cached(clean, "app.py", "python", settings) == []
    for entry in (tmp_path / "cache").rglob("*.json"):
        entry.write_text("{not json", encoding="utf-8")
    assert len(_scan_cached(text, "app.py", "python", settings)) == 2


def test_cli_second_run_is_identical_and_no_cache_writes_nothing(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "app.py").write_text(expand(TEMPLATE, seed=6), encoding="utf-8")
    (tree / ".secretcheck.toml").write_text('cache-dir = "cachedir"\n', encoding="utf-8")
    runner = CliRunner()
    args = ["scan", "--format", "json", str(tree)]
    first = runner.invoke(main, args)
    second = runner.invoke(main, args)
    assert first.exit_code == 1 and second.exit_code == 1
    assert json.loads(first.output) == json.loads(second.output)
    assert (tree / "cachedir" / ".gitignore").is_file()
    other = tmp_path / "other"
    other.mkdir()
    (other / "app.py").write_text(expand(TEMPLATE, seed=6), encoding="utf-8")
    (other / ".secretcheck.toml").write_text('cache-dir = "cachedir"\n', encoding="utf-8")
    result = runner.invoke(main, ["scan", "--no-cache", str(other)])
    assert result.exit_code == 1
    assert not (other / "cachedir").exists()
