"""Settings: defaults < config file < flags; every wrong key or value names file and key."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import write_tree

from secretcheck.errors import ConfigError
from secretcheck.findings import Severity
from secretcheck.settings import CONFIG_KEYS, Settings, build_settings, find_config, read_config


def test_defaults() -> None:
    settings = Settings()
    assert settings.fail_on is Severity.LOW
    assert settings.select == ("ALL",) and settings.ignore == ()
    assert settings.max_file_size == 2 * 1024 * 1024


def test_every_key_converts(tmp_path: Path) -> None:
    config = (
        write_tree(
            tmp_path,
            {
                ".secretcheck.toml": """
select = ["sc1", "SC30"]
ignore = ["SC102"]
exclude = ["build/", "*.min.js"]
fail-on = "HIGH"
jobs = 3
max-file-size = "2MB"
rule-paths = ["packs"]
per-file-ignores = { "tests/*" = ["SC101"] }
baseline = ".secretcheck-baseline.json"
cache-dir = ".cache"
input-checks-in-tests = true
honor-nosec = false
honor-gitleaks-allow = true
audit = true
file-budget = 2.5
"""
            },
        )
        / ".secretcheck.toml"
    )
    values = read_config(config)
    assert set(values) == {name for name, _ in CONFIG_KEYS.values()} | {"config_file"}
    settings = build_settings((str(tmp_path),), str(config))
    assert settings.select == ("SC1", "SC30")
    assert settings.ignore == ("SC102",)
    assert settings.input_checks_in_tests is True
    assert settings.honor_nosec is False and settings.honor_gitleaks_allow is True
    assert settings.suppression_markers() == frozenset({"gitleaks"})
    assert settings.file_budget == 2.5
    assert settings.exclude == ("build/", "*.min.js")
    assert settings.fail_on is Severity.HIGH
    assert settings.jobs == 3
    assert settings.max_file_size == 2 * 1024 * 1024
    assert settings.rule_paths == (str(tmp_path / "packs"),)  # relative to the config file
    assert settings.per_file_ignores == (("tests/*", ("SC101",)),)
    assert settings.config_file == str(config)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("max-file-size = 0\n", "key 'max-file-size' must be greater than 0"),
        ('max-file-size = "0k"\n', "key 'max-file-size' must be greater than 0"),
        ('max-file-size = "lots"\n', "key 'max-file-size' must be a byte count"),
        ("jobs = true\n", "key 'jobs' must be a whole number >= 0"),
        ('select = "SC101"\n', "key 'select' must be a list of rule codes"),
        ("per-file-ignores = []\n", "key 'per-file-ignores' must be a table"),
        ("baseline = 3\n", "key 'baseline' must be a string"),
        ("[tool.secretcheck]\nnope = 1\n", "unknown key 'tool.secretcheck.nope'"),
        ("[tool]\nsecretcheck = 1\n", "key 'tool.secretcheck' must be a table"),
    ],
)
def test_bad_values_name_the_file_and_key(tmp_path: Path, text: str, message: str) -> None:
    config = write_tree(tmp_path, {".secretcheck.toml": text}) / ".secretcheck.toml"
    with pytest.raises(ConfigError) as info:
        read_config(config)
    assert str(info.value).startswith(f"{config}: ")
    assert message in str(info.value)


def test_find_config_walks_up_and_prefers_secretcheck_toml(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "pyproject.toml": "[tool.secretcheck]\n",
            "a/pyproject.toml": "[project]\nname = 'x'\n",  # no table: passed over
            "a/b/c/x.py": "1\n",
        },
    )
    assert find_config(tmp_path / "a" / "b" / "c") == tmp_path / "pyproject.toml"
    assert find_config(tmp_path / "a" / "b" / "c" / "x.py") == tmp_path / "pyproject.toml"
    write_tree(tmp_path, {"a/.secretcheck.toml": "", "a/b/pyproject.toml": "[tool.secretcheck]\n"})
    assert find_config(tmp_path / "a" / "b" / "c") == tmp_path / "a" / "b" / "pyproject.toml"
    write_tree(tmp_path, {"a/b/.secretcheck.toml": ""})
    assert find_config(tmp_path / "a" / "b") == tmp_path / "a" / "b" / ".secretcheck.toml"


def test_flags_override_config_and_empty_flags_do_not(tmp_path: Path) -> None:
    write_tree(tmp_path, {".secretcheck.toml": 'select = ["SC1"]\nfail-on = "high"\njobs = 2\n'})
    overrides = {"select": (), "fail_on": Severity.CRITICAL, "jobs": None}
    settings = build_settings((str(tmp_path),), None, overrides)
    assert settings.select == ("SC1",)  # an empty flag leaves the config value
    assert settings.fail_on is Severity.CRITICAL
    assert settings.jobs == 2


def test_unknown_override_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown setting 'colour'"):
        build_settings((str(tmp_path),), None, {"colour": True})


@pytest.mark.parametrize(
    ("select", "ignore", "code", "enabled"),
    [
        (("ALL",), (), "SC101", True),
        (("SC1",), (), "SC101", True),
        (("SC1",), (), "SC301", False),
        (("ALL",), ("SC10",), "SC101", False),
        (("SC101",), ("SC1",), "SC101", False),
    ],
)
def test_rule_enabled(
    select: tuple[str, ...], ignore: tuple[str, ...], code: str, enabled: bool
) -> None:
    assert Settings(select=select, ignore=ignore).rule_enabled(code) is enabled
