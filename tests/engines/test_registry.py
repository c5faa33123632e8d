"""The engine registry (`secretcheck.engines.ENGINES`): the one list of engines a rule may name.

Rule packs are checked against it at load, so a rule naming an engine nobody runs is an error
(exit 2, naming the file and the key) rather than a rule that loads and never fires; the
text stage of the pipeline runs exactly the registry's text engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli, write_tree
from test_bad_config import one_line_error
from test_bad_rulepacks import BASE, scan_with_pack, toml_rule

from secretcheck.engines import ENGINES, known_checks
from secretcheck.examples import expand
from secretcheck.rulepacks import load_catalogue


def test_every_packaged_rule_names_a_registered_engine_and_every_text_engine_fires() -> None:
    used = {rule.engine for rule in load_catalogue().active()}
    assert used <= set(ENGINES)
    # an engine no packaged rule uses would be untested code: the registry holds none
    assert used == set(ENGINES)
    for name, engine in ENGINES.items():
        assert (engine.run is not None) == (engine.stage == "text"), name


@pytest.mark.parametrize("engine", ["regex", "repo", "CST"])
def test_an_unknown_engine_is_a_load_error_naming_file_and_key(tmp_path: Path, engine: str) -> None:
    result = scan_with_pack(tmp_path, {"r.toml": toml_rule({**BASE, "engine": engine})})
    assert result.exit_code == 2
    message = one_line_error(result)
    assert "r.toml" in message and "'engine'" in message
    assert all(name in message for name in ENGINES)


def test_a_check_the_engine_does_not_know_is_a_load_error(tmp_path: Path) -> None:
    fields = {k: v for k, v in BASE.items() if not k.startswith("pattern.")}
    rule = toml_rule({**fields, "engine": "keyvalue", "check": "no-such-check"})
    result = scan_with_pack(tmp_path, {"r.toml": rule})
    assert result.exit_code == 2
    assert "'check'" in one_line_error(result) and "not a keyvalue check" in result.stderr
    assert known_checks("pattern") is None
    assert "weak-credentials" in (known_checks("keyvalue") or ())


def test_the_text_stage_runs_each_registered_engine(tmp_path: Path) -> None:
    """One file that each text engine has a rule for: every one of them reports."""
    token = expand("{{crc_token:ghp}}", "registry")
    entropy = expand("{{alnum:40}}", "registry-entropy")
    write_tree(tmp_path, {"app.env": f"GITHUB={token}\nDB_PASSWORD={entropy}\n"})
    document = run_cli("scan", "--format", "json", "--no-cache", "app.env", cwd=tmp_path).json()
    rules = load_catalogue().by_code()
    by_engine = {rules[f["rule_id"]].engine for f in document["findings"]}
    assert {"pattern", "keyvalue"} <= by_engine, document["findings"]
