"""Bad and hostile config, rule-pack and baseline files: each is one line on stderr naming the
file (and the key, where there is one) with exit 2, never a traceback (issue 9, "Crashes" and
"Loaded but dead rules"); and a repository's config cannot reach outside its own tree."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from conftest import CliResult, run_cli, write_tree

from secretcheck.examples import expand

DEEP = "[" * 100_000  # RecursionError in a recursive-descent parser


def one_line_error(result: CliResult, *parts: str) -> str:
    """Assert `result` is a clean config error mentioning every part; returns the message."""
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.exception is None
    assert result.stderr.startswith("secretcheck: error: ")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    for part in parts:
        assert part in result.stderr
    return result.stderr


# --- config files -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "parts"),
    [
        (".secretcheck.toml", b"tool = 1\n", ("key 'tool' must be a table",)),
        (".secretcheck.toml", b"[tool]\nsecretcheck = 1\n", ("key 'tool.secretcheck'",)),
        (".secretcheck.toml", f"x = {DEEP}\n".encode(), ("not valid TOML", "nested too deeply")),
        (".secretcheck.toml", b'exclude = ["caf\xe9"]\n', ("not UTF-8",)),
        ("pyproject.toml", b'[tool.secretcheck]\nexclude = ["\xff"]\n', ("not UTF-8",)),
        ("pyproject.toml", b"[tool.secretcheck]\njobs = " + DEEP.encode(), ("nested too deep",)),
    ],
    ids=["tool-int", "secretcheck-int", "deep", "latin1", "pyproject-latin1", "pyproject-deep"],
)
def test_bad_config_file_is_one_line_exit_2(
    tmp_path: Path, name: str, content: bytes, parts: tuple[str, ...]
) -> None:
    write_tree(tmp_path, {name: content, "a.py": "x = 1\n"})
    one_line_error(run_cli("scan", ".", cwd=tmp_path), name, *parts)


def test_pyproject_tool_not_a_table_named_explicitly(tmp_path: Path) -> None:
    # Without our table a pyproject.toml is not discovered; named with --config it is read.
    write_tree(tmp_path, {"pyproject.toml": "tool = 1\n", "a.py": "x = 1\n"})
    one_line_error(
        run_cli("scan", "--config", "pyproject.toml", ".", cwd=tmp_path),
        "pyproject.toml",
        "key 'tool' must be a table",
    )


def test_non_utf8_pyproject_without_our_table_is_not_our_business(tmp_path: Path) -> None:
    write_tree(tmp_path, {"pyproject.toml": b'[project]\nname = "caf\xe9"\n', "a.py": "x = 1\n"})
    result = run_cli("scan", ".", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr


def test_config_that_is_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "conf.toml")
    write_tree(tmp_path, {"a.py": "x = 1\n"})
    result = run_cli("scan", "--config", "conf.toml", ".", cwd=tmp_path)
    one_line_error(result, "conf.toml", "is not a regular file")


# --- containment: a repository's config stays inside its own tree ----------------------------


@pytest.mark.parametrize("cache_dir", [".", "", "..", "sub/..", "/ABS"])
def test_cache_dir_outside_or_at_the_project_is_refused(tmp_path: Path, cache_dir: str) -> None:
    outside = tmp_path / "outside"
    project = tmp_path / "project"
    write_tree(outside, {".gitignore": "build/\n"})
    write_tree(project, {".gitignore": "dist/\n", "a.py": "x = 1\n", "sub/b.py": "y = 2\n"})
    value = str(outside) if cache_dir == "/ABS" else cache_dir
    (project / ".secretcheck.toml").write_text(f"cache-dir = {json.dumps(value)}\n", "utf-8")
    one_line_error(run_cli("scan", ".", cwd=project), "key 'cache-dir'")
    assert (project / ".gitignore").read_text("utf-8") == "dist/\n"
    assert (outside / ".gitignore").read_text("utf-8") == "build/\n"
    assert not list(outside.glob("v*")) and not list(project.glob("v*"))


def test_cache_dir_through_a_symlink_out_of_the_project_is_refused(tmp_path: Path) -> None:
    outside = write_tree(tmp_path / "outside", {".gitignore": "build/\n"})
    project = write_tree(tmp_path / "project", {"a.py": "x = 1\n"})
    (project / "link").symlink_to(outside, target_is_directory=True)
    (project / ".secretcheck.toml").write_text('cache-dir = "link/cache"\n', "utf-8")
    one_line_error(run_cli("scan", ".", cwd=project), "key 'cache-dir'")
    assert sorted(p.name for p in outside.iterdir()) == [".gitignore"]


def test_cache_dir_naming_a_folder_of_the_project_never_writes_into_it(tmp_path: Path) -> None:
    token = expand("AKIA{{upper:16}}", 7)
    project = write_tree(
        tmp_path / "p",
        {
            ".secretcheck.toml": 'cache-dir = "src"\n',
            "src/.gitignore": "*.pyc\n",
            "src/app.py": f'AWS_ACCESS_KEY_ID = "{token}"\n',
        },
    )
    for _ in range(2):
        result = run_cli("scan", "--format", "json", ".", cwd=project)
        assert result.exit_code == 1
        assert {f["rule_id"] for f in result.json()["findings"]} == {"SC301"}
    assert (project / "src/.gitignore").read_text("utf-8") == "*.pyc\n"
    assert sorted(p.name for p in (project / "src").iterdir()) == [".gitignore", "app.py"]


RULE = """
code = "SC701"
name = "acme-test-token"
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


def _acme_tree(root: Path, config: str) -> Path:
    token = expand("acme_{{lower_alnum:24}}", 1)
    return write_tree(
        root,
        {
            "project/.secretcheck.toml": config,
            "project/deploy.txt": f"ACME={token}\n",
            "project/packs/acme/acme.toml": RULE,
            "elsewhere/acme/acme.toml": RULE,
        },
    )


@pytest.mark.parametrize("rule_path", ["../elsewhere", "/ABS", "packs/../../elsewhere", "link-out"])
def test_config_rule_paths_outside_the_project_are_refused(tmp_path: Path, rule_path: str) -> None:
    _acme_tree(tmp_path, "")
    (tmp_path / "project/link-out").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    value = str(tmp_path / "elsewhere") if rule_path == "/ABS" else rule_path
    config = f"rule-paths = [{json.dumps(value)}]\n"
    (tmp_path / "project/.secretcheck.toml").write_text(config, "utf-8")
    message = one_line_error(run_cli("scan", ".", cwd=tmp_path / "project"), "key 'rule-paths'")
    assert "--rule-path" in message  # says how to do it on purpose


def test_rule_paths_inside_the_project_and_rule_path_flag_both_load(tmp_path: Path) -> None:
    _acme_tree(tmp_path, 'rule-paths = ["packs"]\n')
    project = tmp_path / "project"
    result = run_cli("scan", "--format", "json", ".", cwd=project)
    assert result.exit_code == 1
    assert [f["rule_id"] for f in result.json()["findings"]] == ["SC701"]
    # The user may name a pack anywhere on the command line.
    (project / ".secretcheck.toml").write_text("", "utf-8")
    plain = run_cli("scan", "--format", "json", ".", cwd=project)
    assert plain.exit_code == 0 and plain.json()["findings"] == []
    flagged = run_cli(
        "scan", "--format", "json", "--rule-path", str(tmp_path / "elsewhere"), ".", cwd=project
    )
    assert flagged.exit_code == 1
    assert [f["rule_id"] for f in flagged.json()["findings"]] == ["SC701"]


def test_rule_path_flag_works_for_baseline_and_history_too(tmp_path: Path) -> None:
    _acme_tree(tmp_path, "")
    project = tmp_path / "project"
    pack = str(tmp_path / "elsewhere")
    made = run_cli("baseline", "create", "--rule-path", pack, ".", cwd=project)
    assert made.exit_code == 0, made.stderr
    entries = json.loads((project / ".secretcheck-baseline.json").read_text("utf-8"))["entries"]
    assert [e["rule_id"] for e in entries] == ["SC701"]
    history = run_cli("history", "--rule-path", str(tmp_path / "nowhere"), cwd=project)
    one_line_error(history, "nowhere", "rule pack folder does not exist")


@pytest.mark.parametrize("baseline", ["/dev/zero", "../b.json", "zero-link"])
def test_config_baseline_outside_the_project_is_refused(tmp_path: Path, baseline: str) -> None:
    project = write_tree(tmp_path / "p", {"a.py": "x = 1\n"})
    (project / "zero-link").symlink_to("/dev/zero")
    config = f"baseline = {json.dumps(baseline)}\n"
    (project / ".secretcheck.toml").write_text(config, "utf-8")
    one_line_error(run_cli("scan", ".", cwd=project), "key 'baseline'")
    # `baseline create` must not write there either.
    one_line_error(run_cli("baseline", "create", ".", cwd=project), "key 'baseline'")
    assert not (tmp_path / "b.json").exists()


# --- baselines ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "parts"),
    [
        (lambda p: p.write_text(DEEP, "utf-8"), ("nested too deeply",)),
        (lambda p: p.write_bytes(b'{"format": "caf\xe9"}'), ("not UTF-8",)),
        (lambda p: os.mkfifo(p), ("not a regular file",)),
        (lambda p: p.mkdir(), ("folder",)),
    ],
    ids=["deep", "latin1", "fifo", "folder"],
)
def test_bad_baseline_file_is_one_line_exit_2(tmp_path: Path, make: Any, parts: Any) -> None:
    write_tree(tmp_path, {"a.py": "x = 1\n", ".secretcheck.toml": 'baseline = "bl.json"\n'})
    make(tmp_path / "bl.json")
    one_line_error(run_cli("scan", ".", cwd=tmp_path), "bl.json", *parts)


def test_baseline_flag_naming_dev_zero_is_refused_not_read(tmp_path: Path) -> None:
    write_tree(tmp_path, {"a.py": "x = 1\n"})
    result = run_cli("scan", "--baseline", "/dev/zero", ".", cwd=tmp_path)
    one_line_error(result, "/dev/zero", "not a regular file")


def test_baseline_create_over_a_non_utf8_file_name(tmp_path: Path) -> None:
    token = expand("AKIA{{upper:16}}", 11)
    project = tmp_path / "p"
    project.mkdir()
    name = os.fsdecode(b"\xff.py")  # '\udcff.py': what Python makes of the byte 0xff
    (project / name).write_text(f'AWS_ACCESS_KEY_ID = "{token}"\n', "utf-8")
    made = run_cli("baseline", "create", ".", cwd=project)
    assert made.exit_code == 0, made.stderr
    assert made.exception is None
    raw = (project / ".secretcheck-baseline.json").read_bytes()
    text = raw.decode("utf-8")  # valid UTF-8 even though the file name is not
    assert token not in text
    assert [e["path"] for e in json.loads(text)["entries"]] == [name]
    # -o: the report names the file by its own bytes (surrogateescape), which a UTF-8 stdout
    # would refuse; writing reports is not what this test is about.
    args = ("--format", "json", "-o", "../r.json", "--baseline", ".secretcheck-baseline.json")
    scan = run_cli("scan", *args, ".", cwd=project)
    assert scan.exit_code == 0, scan.stderr
    report = json.loads((tmp_path / "r.json").read_text("utf-8", "surrogateescape"))
    assert [f["baseline"] for f in report["findings"]] == ["known"]
    again = run_cli("baseline", "create", ".", cwd=project)  # and it can be re-created
    assert again.exit_code == 0
    assert (project / ".secretcheck-baseline.json").read_bytes() == raw


def test_baseline_create_replaces_an_empty_file_but_keeps_other_files(tmp_path: Path) -> None:
    write_tree(tmp_path, {"a.py": "x = 1\n", "empty.json": "", "notes.json": "{}\n"})
    made = run_cli("baseline", "create", "-o", "empty.json", ".", cwd=tmp_path)
    assert made.exit_code == 0, made.stderr
    assert json.loads((tmp_path / "empty.json").read_text("utf-8"))["entries"] == []
    kept = run_cli("baseline", "create", "-o", "notes.json", ".", cwd=tmp_path)
    one_line_error(kept, "notes.json", "not overwriting")
    assert (tmp_path / "notes.json").read_text("utf-8") == "{}\n"
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


@pytest.mark.parametrize(
    ("content", "parts"),
    [(b"version = 1\n# caf\xe9\n", ("not UTF-8",)), (f"x = {DEEP}\n".encode(), ("too deeply",))],
    ids=["latin1", "deep"],
)
def test_bad_grade_rubric_is_one_line_exit_2(tmp_path: Path, content: bytes, parts: Any) -> None:
    write_tree(tmp_path, {"rubric.toml": content, "cand/app.py": "x = 1\n"})
    result = run_cli("grade", "--rubric", "rubric.toml", "cand", cwd=tmp_path)
    one_line_error(result, "rubric.toml", *parts)


@pytest.mark.parametrize(
    ("where", "args"),
    [("config", ()), ("flag", ("--select", "SC1,SC999"))],
)
def test_select_matching_no_rule_is_an_error_not_a_clean_run(
    tmp_path: Path, where: str, args: tuple[str, ...]
) -> None:
    """`select = ["SC999"]` used to scan for nothing and pass; so did a typo in --select."""
    config = 'select = ["SC7"]\n' if where == "config" else ""
    token = expand("AKIA{{upper:16}}", 41)
    write_tree(tmp_path, {".secretcheck.toml": config, "a.py": f'K = "{token}"\n'})
    message = one_line_error(run_cli("scan", *args, ".", cwd=tmp_path), "matches no rule")
    assert ("SC7" if where == "config" else "SC999") in message
    ok = run_cli("scan", "--select", "SC3", ".", cwd=tmp_path)
    assert ok.exit_code == 1  # a prefix that matches rules is fine


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to chown a file"
)
def test_config_planted_above_the_project_by_another_user_is_passed_over(tmp_path: Path) -> None:
    """Another local user's `/tmp/.secretcheck.toml` must not apply to a clone in /tmp."""
    token = expand("AKIA{{upper:16}}", 51)
    shared = write_tree(tmp_path / "shared", {"clone/a.py": f'K = "{token}"\n'})
    planted = shared / ".secretcheck.toml"
    planted.write_text('ignore = ["ALL"]\n', encoding="utf-8")
    os.chown(planted, 54321, 54321)
    result = run_cli("scan", "--format", "json", ".", cwd=shared / "clone")
    assert result.exit_code == 1, result.stderr
    assert [f["rule_id"] for f in result.json()["findings"]] == ["SC301"]
    # Owned by the scanning user it applies, and --config names any file.
    os.chown(planted, os.geteuid(), os.getegid())
    assert run_cli("scan", ".", cwd=shared / "clone").exit_code == 0  # every rule ignored
    os.chown(planted, 54321, 54321)
    explicit = run_cli("scan", "--config", str(planted), ".", cwd=shared / "clone")
    assert explicit.exit_code == 0
