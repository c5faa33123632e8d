"""Rule packs with a wrong type, range or link in any field: a one-line error naming the file
and the key, exit 2. Before, `min_entropy = "abc"` or `allow = 1` was a traceback, and a rule
with an unknown `plugin` or `secret_group = 1.5` loaded and then never fired (issue 9)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli, write_tree
from test_bad_config import DEEP, one_line_error

from secretcheck.engines import detect_secrets_adapter
from secretcheck.examples import expand
from secretcheck.rulepacks import PLUGINS

BASE: dict[str, Any] = {
    "code": "SC701",
    "name": "acme-test-token",
    "category": "secret",
    "cwe": "CWE-798",
    "severity": "high",
    "confidence": "high",
    "engine": "pattern",
    "summary": "An ACME token",
    "message": "ACME token",
    "fix": "Revoke it.",
    "pattern.keywords": ["acme_"],
    "pattern.regex": "(?P<secret>acme_[a-z0-9]{24})",
}
DETECT_SECRETS = {
    **{k: v for k, v in BASE.items() if not k.startswith("pattern.")},
    "engine": "detect-secrets",
    "plugin": "Base64HighEntropyString",
}


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, str):
        return json.dumps(value)  # a TOML basic string takes JSON's escapes
    return repr(value)


def toml_rule(fields: dict[str, Any]) -> str:
    return "".join(f"{key} = {toml_value(value)}\n" for key, value in fields.items())


def scan_with_pack(root: Path, files: dict[str, str | bytes]) -> Any:
    token = expand("acme_{{lower_alnum:24}}", 2)
    tree = {".secretcheck.toml": 'rule-paths = ["packs"]\n', "deploy.txt": f"ACME={token}\n"}
    write_tree(root, {**tree, **{f"packs/acme/{k}": v for k, v in files.items()}})
    return run_cli("scan", "--format", "json", ".", cwd=root)


def test_the_base_rule_is_valid_and_fires(tmp_path: Path) -> None:
    result = scan_with_pack(tmp_path, {"r.toml": toml_rule(BASE)})
    assert result.exit_code == 1, result.stderr
    assert [f["rule_id"] for f in result.json()["findings"]] == ["SC701"]


BAD_PATTERN_RULES = [
    ("pattern.min_entropy", "abc"),
    ("pattern.min_entropy", True),
    ("pattern.min_entropy", 99),
    ("pattern.min_entropy", -1),
    ("pattern.allow", 1),
    ("pattern.allow", "acme_test"),
    ("pattern.allow", ["("]),
    ("pattern.files", 1),
    ("pattern.files", [1]),
    ("pattern.files", [""]),
    ("pattern.secret_group", 1.5),
    ("pattern.secret_group", True),
    ("pattern.secret_group", 2),
    ("pattern.secret_group", -1),
    ("pattern.secret_group", "token"),
    ("pattern.validator", 1),
    ("pattern.validator", "no-such-validator"),
    ("pattern.ignore_case", "yes"),
    ("pattern.keywords", "acme_"),
    ("pattern.regex", 1),
    ("pattern.regex", "(?P<secret>acme_["),
    ("removed", "no"),
    ("specificity", "abc"),
    ("specificity", 1.5),
    ("specificity", -1),
    ("check", 1),
    ("check", "hardcoded-credentials"),  # a pattern rule runs no check: it would be dead
    ("plugin", "KeywordDetector"),  # likewise a plugin
    ("options", {"limit": 3}),
    ("docs.what", 1),
    ("docs.references", "https://example.invalid"),
    ("docs.references", [1]),
    ("examples.flag", "x"),
    ("examples.flag", [{"text": 1}]),
    ("examples.pass", [{"text": "x", "file": 1}]),
    ("summary", 1),
    ("severity", 1),
]


@pytest.mark.parametrize(
    ("key", "value"), BAD_PATTERN_RULES, ids=[f"{k}={v!r}" for k, v in BAD_PATTERN_RULES]
)
def test_wrong_field_in_a_pattern_rule(tmp_path: Path, key: str, value: Any) -> None:
    result = scan_with_pack(tmp_path, {"r.toml": toml_rule({**BASE, key: value})})
    one_line_error(result, "acme/r.toml", f"key '{key}'")


BAD_DETECT_SECRETS_RULES = [
    ("plugin", "NoSuchDetector"),
    ("plugin", 1),
    ("options", {"limit": "high"}),
    ("options", {"limit": 0.0 - 1}),
    ("options", {"bogus": 1}),
    ("options", 1),
    ("pattern.regex", "x"),
]


@pytest.mark.parametrize(
    ("key", "value"),
    BAD_DETECT_SECRETS_RULES,
    ids=[f"{k}={v!r}" for k, v in BAD_DETECT_SECRETS_RULES],
)
def test_wrong_field_in_a_detect_secrets_rule(tmp_path: Path, key: str, value: Any) -> None:
    result = scan_with_pack(tmp_path, {"r.toml": toml_rule({**DETECT_SECRETS, key: value})})
    one_line_error(result, "acme/r.toml", f"key '{key.split('.')[0]}")


def test_a_detect_secrets_rule_without_a_plugin_is_an_error(tmp_path: Path) -> None:
    fields = {k: v for k, v in DETECT_SECRETS.items() if k != "plugin"}
    one_line_error(scan_with_pack(tmp_path, {"r.toml": toml_rule(fields)}), "key 'plugin'")


def test_valid_detect_secrets_options_load(tmp_path: Path) -> None:
    rule = toml_rule({**DETECT_SECRETS, "options": {"limit": 4}})
    result = scan_with_pack(tmp_path, {"r.toml": rule})
    assert result.exit_code in (0, 1), result.stderr


def test_plugin_table_matches_what_the_adapter_runs() -> None:
    # Both ends of the link: a plugin the packs may name is one the adapter can run.
    assert set(PLUGINS) == set(detect_secrets_adapter._PREFILTERS)
    for name in PLUGINS:
        assert detect_secrets_adapter._plugin(name, ()) is not None


@pytest.mark.parametrize(
    ("files", "parts"),
    [
        ({"r.toml": b'code = "SC701"\nname = "caf\xe9"\n'}, ("r.toml", "not UTF-8")),
        ({"r.toml": f"x = {DEEP}\n"}, ("r.toml", "nested too deeply")),
        ({"r.toml": "rules = [1, 2]\n"}, ("r.toml", "key 'rules'")),
        ({"r.toml": "[[rules]]\ncode = 1\n"}, ("r.toml", "key 'code'")),
    ],
    ids=["latin1", "deep", "rules-not-tables", "code-int"],
)
def test_bad_rule_file(tmp_path: Path, files: dict[str, str | bytes], parts: Any) -> None:
    one_line_error(scan_with_pack(tmp_path, files), *parts)


def test_a_folder_named_like_a_rule_file(tmp_path: Path) -> None:
    (tmp_path / "packs/acme/r.toml").mkdir(parents=True)
    one_line_error(scan_with_pack(tmp_path, {}), "r.toml", "folder")


def test_a_fifo_named_like_a_rule_file_does_not_block(tmp_path: Path) -> None:
    (tmp_path / "packs/acme").mkdir(parents=True)
    os.mkfifo(tmp_path / "packs/acme/r.toml")
    one_line_error(scan_with_pack(tmp_path, {}), "r.toml", "not a regular file")


def test_rule_path_that_is_a_file(tmp_path: Path) -> None:
    write_tree(tmp_path, {"a.py": "x = 1\n", "pack.toml": toml_rule(BASE)})
    result = run_cli("scan", "--rule-path", "pack.toml", ".", cwd=tmp_path)
    one_line_error(result, "pack.toml", "is not a folder")


@pytest.mark.parametrize("link", ["pack", "file"])
def test_a_link_out_of_the_rule_pack_folder_is_refused(tmp_path: Path, link: str) -> None:
    """rule-paths are checked to lie in the project; a symlink inside must not lead out."""
    outside = write_tree(tmp_path / "outside", {"acme/r.toml": toml_rule(BASE)})
    project = tmp_path / "project"
    (project / "packs/acme").mkdir(parents=True)
    if link == "pack":
        (project / "packs/acme").rmdir()
        (project / "packs/acme").symlink_to(outside / "acme", target_is_directory=True)
    else:
        (project / "packs/acme/r.toml").symlink_to(outside / "acme/r.toml")
    one_line_error(scan_with_pack(project, {}), "r.toml", "link out of its rule-pack folder")
