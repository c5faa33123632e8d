"""Baselines, tried as a new user would: in a throwaway git repository, through the CLI."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secretcheck import baseline as bl
from secretcheck.cli import main
from secretcheck.examples import expand
from secretcheck.findings import ScanResult
from secretcheck.pipeline import scan_text
from secretcheck.settings import Settings
from tests.conftest import git

GH = expand("{{crc_token:ghp}}", "baseline-gh")
AWS = expand("AKIA{{upper:16}}", "baseline-aws")
THIRD = expand("{{crc_token:ghp}}", "baseline-third")
SECRETS = (GH, AWS, THIRD)


def cli(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def findings_of(result: Result) -> list[dict[str, Any]]:
    return json.loads(result.stdout)["findings"]  # type: ignore[no-any-return]


def assert_redacted(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text


@pytest.fixture
def tree(git_repo: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A committed tree holding two secrets; the current directory is its root."""
    (git_repo / "app.py").write_text(
        f'import os\n\nGITHUB_TOKEN = "{GH}"\nDEBUG = False\nAWS_KEY = "{AWS}"\n'
    )
    git(git_repo, "add", "-A")
    git(git_repo, "commit", "-qm", "two secrets")
    monkeypatch.chdir(git_repo)
    return git_repo


def test_baseline_accepts_existing_secrets_and_survives_inserted_lines(tree: Path) -> None:
    assert cli("scan", ".").exit_code == 1
    created = cli("baseline", "create")
    assert created.exit_code == 0, created.output
    assert "2 baseline entries" in created.stderr

    result = cli("scan", "--baseline", ".secretcheck-baseline.json", "--format", "json", ".")
    assert result.exit_code == 0, result.output
    assert sorted((f["rule_id"], f["baseline"]) for f in findings_of(result)) == [
        ("SC301", "known"),
        ("SC303", "known"),
    ]

    text = (tree / "app.py").read_text()
    (tree / "app.py").write_text(
        "# a header\n# more lines\n\n" + text.replace("DEBUG", "X = 1\nDEBUG")
    )
    result = cli("scan", "--baseline", ".secretcheck-baseline.json", "--format", "json", ".")
    assert result.exit_code == 0, result.output
    assert {f["line"] for f in findings_of(result)} == {6, 9}
    assert all(f["baseline"] == "known" for f in findings_of(result))


def test_third_secret_is_the_only_new_one(tree: Path) -> None:
    assert cli("baseline", "create").exit_code == 0
    with (tree / "app.py").open("a") as handle:
        handle.write(f'OTHER_TOKEN = "{THIRD}"\n')
    result = cli("scan", "--baseline", ".secretcheck-baseline.json", "--format", "json", ".")
    assert result.exit_code == 1
    new = [(f["line"], f["rule_id"]) for f in findings_of(result) if f["baseline"] == "new"]
    assert new == [(6, "SC303")]
    summary = json.loads(result.stdout)["summary"]
    assert (summary["known"], summary["failing"]) == (2, 1)
    text = cli("scan", "--baseline", ".secretcheck-baseline.json", ".")
    assert text.exit_code == 1
    assert "app.py" in text.stdout and "  6:" in text.stdout and "  3:" not in text.stdout
    assert "2 known in the baseline" in text.stdout


def test_changed_secret_on_a_baselined_line_is_new(tree: Path) -> None:
    assert cli("baseline", "create").exit_code == 0
    (tree / "app.py").write_text((tree / "app.py").read_text().replace(GH, THIRD))
    result = cli("scan", "--baseline", ".secretcheck-baseline.json", "--format", "json", ".")
    assert result.exit_code == 1
    by_line = {f["line"]: f["baseline"] for f in findings_of(result)}
    assert by_line == {3: "new", 5: "known"}
    stale = json.loads(result.stdout)["stale"]
    assert [(s["rule_id"], s["path"]) for s in stale] == [("SC303", "app.py")]


def test_second_copy_of_a_baselined_secret_is_new(tree: Path) -> None:
    assert cli("baseline", "create").exit_code == 0
    with (tree / "app.py").open("a") as handle:
        handle.write(f'AGAIN = "{GH}"\n')
    result = cli("scan", "--baseline", ".secretcheck-baseline.json", "--format", "json", ".")
    assert result.exit_code == 1
    states = [(f["line"], f["rule_id"], f["baseline"]) for f in findings_of(result)]
    assert [s for s in states if s[2] == "new"] == [(6, "SC303", "new")]


def test_baseline_file_holds_no_secret_and_no_unsalted_hash(tree: Path) -> None:
    assert cli("baseline", "create").exit_code == 0
    content = (tree / ".secretcheck-baseline.json").read_text()
    for secret in (GH, AWS):
        assert secret not in content
        for algo in ("md5", "sha1", "sha256", "sha512"):
            for form in (secret, secret + "\n", f'"{secret}"'):
                assert hashlib.new(algo, form.encode()).hexdigest() not in content
    data = json.loads(content)
    assert set(data) == {"format", "version", "hash", "salt", "entries"}
    assert len(bytes.fromhex(data["salt"])) == 32
    assert all(set(e) == {"hash", "occurrence", "path", "rule_id"} for e in data["entries"])


def test_recreating_an_unchanged_baseline_is_byte_identical(tree: Path) -> None:
    assert cli("baseline", "create").exit_code == 0
    first = (tree / ".secretcheck-baseline.json").read_bytes()
    assert cli("baseline", "create").exit_code == 0
    assert (tree / ".secretcheck-baseline.json").read_bytes() == first
    assert cli("baseline", "update").exit_code == 0
    assert (tree / ".secretcheck-baseline.json").read_bytes() == first
    other = tree / "other.json"
    assert cli("baseline", "create", "-o", str(other)).exit_code == 0
    assert json.loads(other.read_text())["salt"] != json.loads(first)["salt"]


def test_update_accepts_new_findings_and_drops_stale_entries(tree: Path) -> None:
    assert cli("baseline", "create").exit_code == 0
    (tree / "app.py").write_text((tree / "app.py").read_text().replace(GH, THIRD))
    stale = cli("scan", "--baseline", ".secretcheck-baseline.json", "--fail-on-stale", ".")
    assert stale.exit_code == 1
    assert "stale: app.py: SC303" in stale.stdout
    updated = cli("baseline", "update")
    assert updated.exit_code == 0
    assert "(1 added, 1 removed)" in updated.stderr
    result = cli("scan", "--baseline", ".secretcheck-baseline.json", "--fail-on-stale", ".")
    assert result.exit_code == 0, result.output


def test_stale_entry_alone_does_not_fail_without_the_flag(tree: Path) -> None:
    assert cli("baseline", "create").exit_code == 0
    (tree / "app.py").write_text("import os\n")
    result = cli("scan", "--baseline", ".secretcheck-baseline.json", "--format", "json", ".")
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["stale"]) == 2


def test_config_key_names_the_baseline_relative_to_the_config(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tree / ".secretcheck.toml").write_text('baseline = "ci/secrets-baseline.json"\n')
    (tree / "ci").mkdir()
    assert cli("baseline", "create").exit_code == 0
    assert (tree / "ci" / "secrets-baseline.json").is_file()
    monkeypatch.chdir(tree / "ci")  # paths in the baseline are relative to its folder
    result = cli("scan", "--format", "json", "..")
    assert result.exit_code == 0, result.output
    assert {f["baseline"] for f in findings_of(result)} == {"known"}


def test_missing_or_broken_baseline_is_a_usage_error(tree: Path) -> None:
    result = cli("scan", "--baseline", "nope.json", ".")
    assert result.exit_code == 2
    assert "baseline file does not exist" in result.stderr
    (tree / "bad.json").write_text('{"format": "something-else"}')
    assert cli("scan", "--baseline", "bad.json", ".").exit_code == 2
    assert cli("baseline", "create", "-o", "bad.json").exit_code == 2  # never overwritten
    assert cli("baseline", "update", "-b", "nope.json").exit_code == 2


def test_scan_skips_the_committed_baseline_itself(tree: Path) -> None:
    assert cli("baseline", "create", "-o", "custom-name.json").exit_code == 0
    (tree / "app.py").write_text("import os\n")
    result = cli("scan", "--format", "json", ".")
    assert result.exit_code == 0, result.output
    skipped = json.loads(result.stdout)["skipped"]
    assert ("custom-name.json", "baseline-file") in {(s["path"], s["reason"]) for s in skipped}


def test_every_format_with_a_baseline_stays_redacted(tree: Path) -> None:
    assert cli("baseline", "create").exit_code == 0
    with (tree / "app.py").open("a") as handle:
        handle.write(f'OTHER_TOKEN = "{THIRD}"\n')
    assert_redacted((tree / ".secretcheck-baseline.json").read_text())
    for fmt in ("text", "json", "sarif", "junit", "github"):
        result = cli("scan", "--baseline", ".secretcheck-baseline.json", "--format", fmt, ".")
        assert result.exit_code == 1, fmt
        assert_redacted(result.output)
    sarif = json.loads(
        cli("scan", "--baseline", ".secretcheck-baseline.json", "--format", "sarif", ".").stdout
    )
    states = sorted(r["baselineState"] for r in sarif["runs"][0]["results"])
    assert states == ["new", "unchanged", "unchanged"]


# ---- the model, without git ---------------------------------------------------------------

SETTINGS = Settings()
LINES = st.sampled_from(
    [
        'token = "{{crc_token:ghp}}"',
        'AWS = "AKIA{{upper:16}}"',
        'password = "{{password:14}}"',
        'blob = "{{base64:40}}"',
        "x = 1",
        "",
        "# comment",
        'url = "https://user:{{alnum:12}}@db.example.invalid/x"',
    ]
)


def _text(templates: list[str], seeds: list[int]) -> str:
    return "\n".join(expand(t, s) for t, s in zip(templates, seeds, strict=False)) + "\n"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    templates=st.lists(LINES, min_size=1, max_size=8),
    seeds=st.lists(st.integers(0, 3), min_size=8, max_size=8),
    shift=st.integers(0, 5),
)
def test_a_tree_against_its_own_fresh_baseline_has_no_new_findings(
    templates: list[str], seeds: list[int], shift: int
) -> None:
    text = _text(templates, seeds)
    findings = scan_text(text, "gen/app.py", "python", SETTINGS)
    base_dir = Path(os.getcwd())
    made = bl.build(findings, bl.new_salt(), base_dir)
    again = bl.loads(bl.dumps(made))
    result = bl.partition_by_baseline(ScanResult(tuple(findings)), again, "b.json", ["gen/app.py"])
    assert not result.new() and not result.stale
    # Lines inserted above keep every finding known.
    moved = scan_text("\n" * shift + text, "gen/app.py", "python", SETTINGS)
    result = bl.partition_by_baseline(ScanResult(tuple(moved)), again, "b.json", ["gen/app.py"])
    assert not result.new() and not result.stale
    # And the serialized baseline never holds a generated secret.
    dumped = bl.dumps(made)
    assert all(f.secret not in dumped for f in findings if len(f.secret) >= 8)


def test_occurrence_index_counts_copies_in_source_order() -> None:
    text = f'a = "{GH}"\nb = "{GH}"\n'
    findings = scan_text(text, "dup.py", "python", SETTINGS)
    entries = [e for e, _ in bl.identify(findings, bl.new_salt(), Path.cwd())]
    assert sorted(e.occurrence for e in entries if e.rule_id == "SC303") == [0, 1]


def test_loads_rejects_malformed_files() -> None:
    good = bl.dumps(bl.Baseline(bl.new_salt(), ()))
    assert bl.loads(good).entries == ()
    for broken in (
        "[]",
        "{",
        good.replace("hmac-sha256", "sha1"),
        good.replace('"salt": "', '"salt": "zz'),
    ):
        with pytest.raises(bl.BaselineError):
            bl.loads(broken)


def test_cached_findings_keep_their_baseline_identity(tmp_path: Path) -> None:
    """The findings cache re-cuts secrets from the text; entries must not change with it."""
    from secretcheck import cache

    text = (
        f'import psycopg2\nconn = psycopg2.connect(password="{expand("{{password:14}}", 1)}")\n'
        f'API_SECRET = "{expand("{{alnum:32}}", 2)}"\nT = "{GH}"\n'
        f'url = "postgres://u:{expand("{{alnum:12}}", 3)}@h/db"\n'
        f'K = """\n{expand("{{pem:rsa}}")}\n"""\n'
    )
    findings = scan_text(text, "db.py", "python", SETTINGS)
    assert len(findings) >= 4
    cache.store(str(tmp_path), "k" * 64, findings)
    again = cache.load(str(tmp_path), "k" * 64, text)
    assert again is not None
    salt = bl.new_salt()
    assert [e for e, _ in bl.identify(findings, salt, Path.cwd())] == [
        e for e, _ in bl.identify(again, salt, Path.cwd())
    ]
