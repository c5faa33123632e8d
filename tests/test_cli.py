"""The command line as a new user meets it: exit codes first, then exactly what was reported."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import LEAKY_EXPECTED, leaky_files, leaky_secrets, located, run_cli, write_tree

from secretcheck import __version__
from secretcheck.rulepacks import load_catalogue


def test_done_when_tree_reports_all_four_leaks_at_their_lines(leaky_tree: Path) -> None:
    result = run_cli("scan", "--format", "json", ".", cwd=leaky_tree)
    assert result.exit_code == 1, result.stderr
    assert result.exception is None
    report = result.json()
    assert located(report) == LEAKY_EXPECTED
    assert located(report, suppressed=True) == set()
    # The binary file is skipped with its reason; the latin-1 file is scanned, not an error.
    assert report["skipped"] == [
        {"path": "logo.png", "reason": "binary", "detail": "NUL byte in the first 8 KiB"}
    ]
    assert report["errors"] == []
    assert report["summary"]["files_scanned"] == 6
    assert report["summary"]["failing"] == 5  # the SC901 diagnostic is info: never fails
    parse_error = next(f for f in report["findings"] if f["rule_id"] == "SC901")
    assert parse_error["category"] == "diagnostic" and parse_error["severity"] == "info"
    for secret in leaky_secrets().values():
        assert secret not in result.stdout


def test_every_finding_has_the_documented_fields(leaky_tree: Path) -> None:
    report = run_cli("scan", "--format", "json", ".", cwd=leaky_tree).json()
    # The documented fields (later work may add more; none may go).
    assert {"version", "tool", "findings", "skipped", "errors", "summary"} <= set(report)
    for finding in report["findings"]:
        assert {
            "rule_id", "rule_name", "category", "cwe", "severity", "confidence", "path", "line",
            "column", "end_line", "end_column", "message", "snippet", "fingerprint",
            "suppressed", "also_matched",
        } <= set(finding)  # fmt: skip
        assert finding["cwe"].startswith("CWE-")
        assert finding["line"] >= 1 and finding["column"] >= 1
        assert len(finding["fingerprint"]) == 32


def test_a_file_reading_every_credential_from_the_environment_yields_nothing(
    leaky_tree: Path,
) -> None:
    result = run_cli("scan", "--format", "json", "env_only.py", cwd=leaky_tree)
    assert result.exit_code == 0, result.stdout
    assert result.json()["findings"] == []


def test_latin1_file_holding_a_secret_is_decoded_and_scanned(tmp_path: Path, fake: object) -> None:
    token = fake("sk_live_{{alnum:24}}")  # type: ignore[operator]
    text = f"# caf\xe9 cr\xe8me\nSTRIPE_KEY={token}\n"
    write_tree(tmp_path, {"legacy.cfg": text.encode("latin-1")})
    result = run_cli("scan", "--format", "json", ".", cwd=tmp_path)
    assert result.exit_code == 1
    assert located(result.json()) == {("legacy.cfg", 2, "SC307")}
    assert token not in result.stdout


def test_clean_tree_exits_zero_with_an_ok_summary(tmp_path: Path) -> None:
    write_tree(tmp_path, {"app.py": "def add(a, b):\n    return a + b\n", "README.md": "# hi\n"})
    result = run_cli("scan", ".", cwd=tmp_path)
    assert result.exit_code == 0
    assert result.stdout == "0 findings in 2 files. OK: nothing at or above 'low'\n"


def test_inline_ignore_keeps_the_finding_marked_suppressed_and_exits_zero(
    tmp_path: Path, fake: object
) -> None:
    password = fake("{{password:16}}")  # type: ignore[operator]
    write_tree(tmp_path, {"db.py": f'DB_PASSWORD = "{password}"  # secretcheck: ignore[SC101]\n'})
    result = run_cli("scan", "--format", "json", ".", cwd=tmp_path)
    assert result.exit_code == 0
    report = result.json()
    assert located(report, suppressed=True) == {("db.py", 1, "SC101")}
    assert located(report) == set()
    assert report["summary"]["suppressed"] == 1 and report["summary"]["findings"] == 0


def test_missing_path_exits_2_with_one_line_and_no_traceback(tmp_path: Path) -> None:
    result = run_cli("scan", "does-not-exist", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.exception is None
    assert result.stderr == "secretcheck: error: path does not exist: does-not-exist\n"
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ('selec = ["SC1"]\n', "unknown key 'selec'"),
        ('fail-on = "loud"\n', "key 'fail-on' must be one of info, low, medium, high, critical"),
        ("jobs = -1\n", "key 'jobs' must be a whole number >= 0"),
        ('max-file-size = "0"\n', "key 'max-file-size' must be greater than 0"),
        ('select = ["PW1"]\n', "key 'select' 'PW1' is not a rule code or prefix"),
        ("exclude = 'build'\n", "key 'exclude' must be a list of glob strings"),
        ("select = [\n", "not valid TOML"),
    ],
)
def test_bad_config_exits_2_naming_the_file_and_the_key(
    tmp_path: Path, config: str, expected: str
) -> None:
    write_tree(tmp_path, {".secretcheck.toml": config, "a.py": "x = 1\n"})
    result = run_cli("scan", ".", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.exception is None
    config_path = str(tmp_path / ".secretcheck.toml")
    assert result.stderr.startswith(f"secretcheck: error: {config_path}: ")
    assert expected in result.stderr
    assert result.stderr.count("\n") == 1


def test_bad_key_in_pyproject_names_the_full_key(tmp_path: Path) -> None:
    write_tree(tmp_path, {"pyproject.toml": "[tool.secretcheck]\nfail_on = 'high'\n"})
    result = run_cli("scan", ".", cwd=tmp_path)
    assert result.exit_code == 2
    pyproject = tmp_path / "pyproject.toml"
    assert f"{pyproject}: unknown key 'tool.secretcheck.fail_on'" in result.stderr


def test_explicit_config_file_that_does_not_exist_exits_2(tmp_path: Path) -> None:
    result = run_cli("scan", "--config", "nope.toml", ".", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr == "secretcheck: error: nope.toml: config file does not exist\n"


def test_broken_rule_pack_in_extra_rule_paths_exits_2_naming_its_file(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            ".secretcheck.toml": 'rule-paths = ["extra-rules"]\n',
            "extra-rules/mine/SC350.toml": 'code = "SC350"\nnmae = "typo"\n',
            "a.py": "x = 1\n",
        },
    )
    result = run_cli("scan", ".", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.exception is None
    pack_file = f"{(tmp_path / 'extra-rules').as_posix()}/mine/SC350.toml"
    assert result.stderr == f"secretcheck: error: {pack_file}: key 'nmae': unknown key\n"


def test_rule_naming_an_unknown_check_exits_2_naming_file_and_key(tmp_path: Path) -> None:
    # A rule whose `check` names no code would load and then silently never fire.
    rule = """
code = "SC299"
name = "typo-check"
category = "sql-injection"
cwe = "CWE-89"
severity = "high"
confidence = "high"
engine = "cst"
check = "sql-injections"
summary = "s"
message = "m"
fix = "f"
"""
    write_tree(
        tmp_path,
        {
            ".secretcheck.toml": 'rule-paths = ["extra-rules"]\n',
            "extra-rules/mine/SC299.toml": rule,
            "a.py": "x = 1\n",
        },
    )
    result = run_cli("scan", ".", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.exception is None
    pack_file = f"{(tmp_path / 'extra-rules').as_posix()}/mine/SC299.toml"
    assert result.stderr.startswith(
        f"secretcheck: error: {pack_file} (SC299): key 'check': 'sql-injections' is not a cst check"
    )
    assert "sql-injection," in result.stderr  # the message lists the checks that exist


def test_missing_rule_paths_folder_exits_2(tmp_path: Path) -> None:
    write_tree(tmp_path, {".secretcheck.toml": 'rule-paths = ["nowhere"]\n', "a.py": "x = 1\n"})
    result = run_cli("scan", ".", cwd=tmp_path)
    assert result.exit_code == 2
    assert "nowhere: rule pack folder does not exist" in result.stderr


def test_extra_rule_pack_adds_a_working_rule(tmp_path: Path, fake: object) -> None:
    rule = """
code = "SC399"
name = "acme-token"
category = "secret"
cwe = "CWE-798"
severity = "high"
confidence = "high"
engine = "pattern"
summary = "An ACME token"
message = "ACME token"
fix = "Revoke it."
pattern.keywords = ["acme_"]
pattern.regex = '(?P<secret>acme_[a-z0-9]{24})'
"""
    token = fake("acme_{{lower_alnum:24}}")  # type: ignore[operator]
    write_tree(
        tmp_path,
        {
            ".secretcheck.toml": 'rule-paths = ["extra-rules"]\n',
            "extra-rules/acme/acme.toml": rule,
            "deploy.txt": f"\nACME={token}\n",
        },
    )
    result = run_cli("scan", "--format", "json", ".", cwd=tmp_path)
    assert result.exit_code == 1
    assert located(result.json()) == {("deploy.txt", 2, "SC399")}


class TestSelection:
    def codes(self, tree: Path, *flags: str) -> set[tuple[str, int, str]]:
        result = run_cli("scan", "--format", "json", *flags, ".", cwd=tree)
        assert result.exit_code in (0, 1), result.stderr
        return located(result.json())

    def test_select_prefix(self, leaky_tree: Path) -> None:
        assert self.codes(leaky_tree, "--select", "SC3") == {
            e for e in LEAKY_EXPECTED if e[2].startswith("SC3")
        }

    def test_select_comma_list_and_repeated_flag_agree(self, leaky_tree: Path) -> None:
        # With SC302 off, the name rule SC101 leads the AWS secret key finding on line 4.
        wanted = {("aws.py", 3, "SC301"), ("aws.py", 4, "SC101"), ("db.py", 5, "SC101")}
        assert self.codes(leaky_tree, "--select", "SC101,SC301") == wanted
        assert self.codes(leaky_tree, "--select", "sc101", "--select", "SC301") == wanted

    def test_ignore(self, leaky_tree: Path) -> None:
        # With the provider rules off, the name rule still sees the AWS secret key's name.
        assert self.codes(leaky_tree, "--ignore", "SC3,SC4,SC901") == {
            ("aws.py", 4, "SC101"),
            ("db.py", 5, "SC101"),
            ("ci.yaml", 3, "SC110"),  # the config reader sees the token's key name
        }

    def test_exclude_globs(self, leaky_tree: Path) -> None:
        kept = self.codes(leaky_tree, "--exclude", "broken.py", "--exclude", "*.yaml")
        assert kept == {e for e in LEAKY_EXPECTED if e[0] in ("aws.py", "db.py")}

    def test_exclude_a_folder(self, tmp_path: Path, fake: object) -> None:
        token = fake("{{crc_token:ghp}}")  # type: ignore[operator]
        write_tree(tmp_path, {"vendor/lib/x.py": f'T = "{token}"\n', "app.py": f'T = "{token}"\n'})
        assert self.codes(tmp_path, "--exclude", "vendor/") == {("app.py", 1, "SC303")}


def test_force_exclude_applies_config_excludes_to_named_files(tmp_path: Path, fake: object) -> None:
    token = fake("{{crc_token:ghp}}")  # type: ignore[operator]
    write_tree(
        tmp_path,
        {".secretcheck.toml": 'exclude = ["fixtures/"]\n', "fixtures/leak.py": f'T = "{token}"\n'},
    )
    # pre-commit names every staged file; without --force-exclude a named file is scanned.
    assert run_cli("scan", "fixtures/leak.py", cwd=tmp_path).exit_code == 1
    result = run_cli(
        "scan", "--force-exclude", "--format", "json", "fixtures/leak.py", cwd=tmp_path
    )
    assert result.exit_code == 0
    assert result.json()["summary"]["files_scanned"] == 0


@pytest.mark.parametrize("flag", ["--select", "--ignore"])
def test_mistyped_rule_code_flag_exits_2(leaky_tree: Path, flag: str) -> None:
    result = run_cli("scan", flag, "SC101,S301", ".", cwd=leaky_tree)
    assert result.exit_code == 2
    assert result.stderr == (
        f"secretcheck: error: {flag}: 'S301' is not a rule code or prefix (SC101, SC1, ALL)\n"
    )


class TestFailOn:
    def test_info_findings_never_fail_by_default(self, leaky_tree: Path) -> None:
        result = run_cli("scan", "--ignore", "SC3,SC4", "broken.py", cwd=leaky_tree)
        assert result.exit_code == 0
        assert "1 finding (1 info) in 1 file. OK: nothing at or above 'low'" in result.stdout

    def test_fail_on_info_fails_on_the_diagnostic(self, leaky_tree: Path) -> None:
        result = run_cli(
            "scan", "--ignore", "SC3,SC4", "--fail-on", "info", "broken.py", cwd=leaky_tree
        )
        assert result.exit_code == 1

    def test_fail_on_critical_passes_high_findings(self, leaky_tree: Path) -> None:
        # SC101 and SC301 are high; nothing critical is left once SC302/SC303 are ignored.
        flags = ("--ignore", "SC302,SC303", "--fail-on", "critical")
        assert run_cli("scan", *flags, ".", cwd=leaky_tree).exit_code == 0
        assert run_cli("scan", "--fail-on", "critical", ".", cwd=leaky_tree).exit_code == 1

    def test_unknown_severity_is_a_usage_error(self, leaky_tree: Path) -> None:
        result = run_cli("scan", "--fail-on", "loud", ".", cwd=leaky_tree)
        assert result.exit_code == 2
        assert "Traceback" not in result.stderr


def test_output_file_gets_the_report_and_stdout_stays_empty(leaky_tree: Path) -> None:
    out = leaky_tree.parent / "report.json"
    result = run_cli("scan", "--format", "json", "--output", str(out), ".", cwd=leaky_tree)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert located(json.loads(out.read_text(encoding="utf-8"))) == LEAKY_EXPECTED


@pytest.mark.parametrize("padded", [False, True])
def test_jobs_flag_does_not_change_the_report(tmp_path: Path, padded: bool) -> None:
    # Enough files that --jobs 2 really uses the process pool. Padded: files of 2 KB and more,
    # so the pool's parent scans one Python and one other file of them itself before forking
    # (runner._typical), and their findings must land in the report too.
    padding = "# a comment line to make the file larger than two kilobytes\n" * 40 if padded else ""
    files: dict[str, str | bytes] = {}
    for seed in range(15):
        for name, content in leaky_files(seed).items():
            grown = padding + content if name.endswith((".py", ".yaml")) else content
            files[f"pkg{seed:02}/{name}"] = grown
    write_tree(tmp_path, files)
    one = run_cli("scan", "--format", "json", "--no-cache", "--jobs", "1", ".", cwd=tmp_path)
    two = run_cli("scan", "--format", "json", "--no-cache", "--jobs", "2", ".", cwd=tmp_path)
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout
    assert len(one.json()["findings"]) == 15 * len(LEAKY_EXPECTED)


def test_a_pool_starts_only_where_it_pays() -> None:
    from secretcheck.runner import POOL_MIN_BYTES, POOL_THRESHOLD, pool_pays
    from secretcheck.settings import Settings

    many = POOL_THRESHOLD * 10
    assert not pool_pays(Settings(), POOL_THRESHOLD - 1, None)
    assert not pool_pays(Settings(jobs=2), POOL_THRESHOLD - 1, POOL_MIN_BYTES)
    # --jobs left to us: a few MB of files (flask+werkzeug) scan in this process.
    assert not pool_pays(Settings(), many, POOL_MIN_BYTES - 1)
    assert pool_pays(Settings(), many, POOL_MIN_BYTES)
    assert pool_pays(Settings(), many, None)  # (a caller that does not know the sizes)
    # An explicit --jobs always gets its pool.
    assert pool_pays(Settings(jobs=2), many, 1000)


class TestConfigDiscovery:
    def tree(self, root: Path, config_name: str, config: str) -> Path:
        files = {f"project/{k}": v for k, v in leaky_files().items()}
        files[config_name] = config
        write_tree(root, files)
        return root / "project"

    def test_secretcheck_toml_found_above_the_scan_root(self, tmp_path: Path) -> None:
        project = self.tree(tmp_path, ".secretcheck.toml", 'select = ["SC101"]\n')
        result = run_cli("scan", "--format", "json", "project", cwd=tmp_path)
        assert result.exit_code == 1
        assert located(result.json()) == {
            ("project/aws.py", 4, "SC101"),
            ("project/db.py", 5, "SC101"),
        }
        # Discovery starts at the scan root, not at the current directory.
        elsewhere = tmp_path.parent
        result = run_cli("scan", "--format", "json", str(project), cwd=elsewhere)
        assert {(Path(p).name, line, c) for p, line, c in located(result.json())} == {
            ("aws.py", 4, "SC101"),
            ("db.py", 5, "SC101"),
        }

    def test_pyproject_tool_table(self, tmp_path: Path) -> None:
        project = self.tree(tmp_path, "pyproject.toml", '[tool.secretcheck]\nselect = ["SC30"]\n')
        result = run_cli("scan", "--format", "json", ".", cwd=project)
        assert located(result.json()) == {e for e in LEAKY_EXPECTED if e[2].startswith("SC30")}

    def test_pyproject_without_our_table_is_passed_over(self, tmp_path: Path) -> None:
        self.tree(tmp_path, ".secretcheck.toml", 'select = ["SC101"]\n')
        write_tree(tmp_path, {"project/pyproject.toml": "[tool.black]\nline-length = 100\n"})
        result = run_cli("scan", "--format", "json", ".", cwd=tmp_path / "project")
        assert located(result.json()) == {("aws.py", 4, "SC101"), ("db.py", 5, "SC101")}

    def test_flags_override_the_config(self, tmp_path: Path) -> None:
        config = 'select = ["SC101"]\nfail-on = "critical"\n'
        project = self.tree(tmp_path, ".secretcheck.toml", config)
        assert run_cli("scan", ".", cwd=project).exit_code == 0  # SC101 is high < critical
        assert run_cli("scan", "--fail-on", "high", ".", cwd=project).exit_code == 1
        result = run_cli("scan", "--format", "json", "--select", "SC301", ".", cwd=project)
        assert located(result.json()) == {("aws.py", 3, "SC301")}

    def test_config_excludes_and_max_file_size(self, tmp_path: Path) -> None:
        config = 'exclude = ["broken.py"]\nmax-file-size = "1k"\n'
        project = self.tree(tmp_path, ".secretcheck.toml", config)
        write_tree(project, {"big.txt": "x = 1\n" * 400})
        result = run_cli("scan", "--format", "json", ".", cwd=project)
        report = result.json()
        assert located(report) == {e for e in LEAKY_EXPECTED if e[0] != "broken.py"}
        assert {"path": "big.txt", "reason": "too-large", "detail": "2400 bytes > limit 1024"} in (
            report["skipped"]
        )

    def test_explicit_config_flag_wins_over_discovery(self, tmp_path: Path) -> None:
        project = self.tree(tmp_path, ".secretcheck.toml", 'select = ["SC101"]\n')
        write_tree(tmp_path, {"other.toml": 'select = ["SC301"]\n'})
        result = run_cli(
            "scan", "--format", "json", "--config", str(tmp_path / "other.toml"), ".", cwd=project
        )
        assert located(result.json()) == {("aws.py", 3, "SC301")}


def test_text_report_is_grouped_redacted_and_has_a_summary(leaky_tree: Path) -> None:
    result = run_cli("scan", "aws.py", "ci.yaml", cwd=leaky_tree)
    assert result.exit_code == 1
    out = result.stdout
    assert "\x1b[" not in out  # no colour when not on a terminal
    lines = out.splitlines()
    assert lines[0] == "aws.py"
    assert lines[1].split()[:3] == ["3:22", "SC301", "high"]
    assert lines[2].strip().startswith('3 | AWS_ACCESS_KEY_ID = "AKIA…[20 chars redacted]"')
    assert lines[3].strip().startswith("= why: format: aws-access-key-id; value: 20 chars")
    assert lines[4].strip().startswith("= fix: Deactivate the key in IAM")
    assert "ci.yaml" in lines
    assert lines[-1] == ("3 findings (2 critical, 1 high) in 2 files. FAIL: 3 at or above 'low'")
    for secret in leaky_secrets().values():
        assert secret not in out


def test_text_report_never_replays_control_characters_from_the_scanned_file(
    tmp_path: Path, fake: object
) -> None:
    token = fake("{{crc_token:ghp}}")  # type: ignore[operator]
    # An OSC/CSI sequence in a scanned file must not reach the terminal as one.
    write_tree(tmp_path, {"evil.py": f'T = "{token}"  # \x1b]0;owned\x07\x1b[2J\n'})
    result = run_cli("scan", ".", cwd=tmp_path)
    assert result.exit_code == 1
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "# \\x1b]0;owned\\x07\\x1b[2J" in result.stdout


def test_color_flag_forces_ansi(leaky_tree: Path) -> None:
    result = run_cli("scan", "--color", "aws.py", cwd=leaky_tree)
    assert result.exit_code == 1
    assert "\x1b[" in result.stdout


def test_rules_lists_every_active_rule() -> None:
    result = run_cli("rules")
    assert result.exit_code == 0
    listed = {line.split()[0] for line in result.stdout.splitlines()}
    assert listed == {r.code for r in load_catalogue().active()}
    sc101 = next(line for line in result.stdout.splitlines() if line.startswith("SC101"))
    assert sc101.split()[1:4] == ["hardcoded-credential-assignment", "high", "CWE-798"]


def test_rules_show_prints_the_docs_and_unknown_code_exits_2() -> None:
    result = run_cli("rules", "show", "sc303")
    assert result.exit_code == 0
    assert result.stdout.startswith("SC303 github-token\ncategory: secret  cwe: CWE-798")
    assert "### What it does" in result.stdout and "### Fix" in result.stdout
    missing = run_cli("rules", "show", "SC999")
    assert missing.exit_code == 2
    assert missing.stderr == "secretcheck: error: no rule 'SC999'; `secretcheck rules` lists them\n"


def test_version() -> None:
    result = run_cli("--version")
    assert result.exit_code == 0
    assert result.stdout == f"secretcheck, version {__version__}\n"


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_file_name_that_is_not_utf8_is_scanned_in_every_format(
    tmp_path: Path, fake: object, fmt: str
) -> None:
    token = fake("{{crc_token:ghp}}")  # type: ignore[operator]
    folder = tmp_path / "tree"
    folder.mkdir()
    name = os.fsdecode(b"k\xe9y.py")  # a latin-1 name on a UTF-8 file system
    (folder / name).write_text(f'T = "{token}"\n', encoding="utf-8")
    out = tmp_path / f"report.{fmt}"
    result = run_cli("scan", "--no-cache", "--format", fmt, "-o", str(out), ".", cwd=folder)
    assert result.exit_code == 1, result.stderr
    assert result.exception is None
    assert result.stderr == ""  # scanned, not reported as unreadable
    data = out.read_bytes()
    assert token.encode() not in data
    if fmt == "sarif":
        document = json.loads(data)
        (sarif_result,) = document["runs"][0]["results"]
        location = sarif_result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert location["uri"] == "k%E9y.py"
    elif fmt == "json":
        report = json.loads(data.decode("utf-8", "surrogateescape"))
        assert located(report) == {(name, 1, "SC303")}
