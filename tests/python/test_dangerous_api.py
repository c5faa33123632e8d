"""The dangerous-API rules (SC240-SC243) through the real CLI, and their prefilters held to
the call tables they are derived from.

What the rule examples cannot show: which rule leads when a taint rule sees the same call,
severity lowered in test code, hosts shown without user-info, and every table entry reaching
its check past the text prefilter.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from secretcheck.cli import main
from secretcheck.python.dangerous_api import cleartext, deserialization, weak_crypto, xxe
from secretcheck.python.registry import CHECKS, DANGEROUS_API_CHECKS
from secretcheck.rulepacks import load_catalogue


def _scan(root: Path, *extra: str) -> list[dict[str, Any]]:
    result = CliRunner().invoke(main, ["scan", "--format", "json", "--no-cache", *extra, str(root)])
    assert result.exit_code in (0, 1), result.output
    findings: list[dict[str, Any]] = json.loads(result.output)["findings"]
    return findings


def _call_file(qualified: str) -> str:
    """The plainest file that imports `qualified` and calls it on a variable."""
    module, _, func = qualified.rpartition(".")
    return f"import {module}\n\ndef use(data):\n    return {module}.{func}(data)\n"


@pytest.mark.parametrize(
    ("module", "names"),
    [
        (deserialization, sorted(deserialization.PICKLE_LIKE | deserialization.YAML_LOAD
                                 | deserialization.TORCH)),
        (weak_crypto, sorted(weak_crypto.CIPHERS | weak_crypto.ECB | weak_crypto.KEYGEN
                             | weak_crypto.IV_MODES)),
        (xxe, sorted(xxe.LXML_PARSER | xxe.LXML_PARSE | xxe.STDLIB)),
        (cleartext, sorted(cleartext.PLAIN_PROTOCOLS | cleartext.SMTP)),
    ],
    ids=lambda v: getattr(v, "__name__", "calls").rsplit(".", 1)[-1],
)  # fmt: skip
def test_prefilter_covers_every_call_of_its_table(module: Any, names: list[str]) -> None:
    missed = [n for n in names if not module.PREFILTER.search(_call_file(n))]
    assert missed == []


def test_every_dangerous_api_check_is_registered_and_used_by_a_rule() -> None:
    checks = {r.check for r in load_catalogue().active()}
    assert set(CHECKS) >= DANGEROUS_API_CHECKS
    assert checks >= DANGEROUS_API_CHECKS


def test_taint_rule_leads_and_the_api_rule_is_named_beside_it(tmp_path: Path) -> None:
    (tmp_path / "views.py").write_text(
        "import pickle\nfrom flask import request\n\n"
        "def restore():\n    return pickle.loads(request.get_data())\n\n"
        "def restore_model():\n    with open('model.pkl', 'rb') as fh:\n"
        "        return pickle.load(fh)\n"
    )
    found = [(f["line"], f["rule_id"], f["also_matched"]) for f in _scan(tmp_path)]
    assert found == [(5, "SC204", ["SC243"]), (9, "SC243", [])]


def test_severity_is_lowered_in_test_code(tmp_path: Path) -> None:
    body = "import telnetlib\n\ndef reboot(host):\n    return telnetlib.Telnet(host)\n"
    (tmp_path / "ops.py").write_text(body)
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_ops.py").write_text(body)
    (tmp_path / "pyproject.toml").write_text("[tool.secretcheck]\ninput-checks-in-tests = true\n")
    by_path = {f["path"]: f for f in _scan(tmp_path)}
    assert by_path[str(tmp_path / "ops.py")]["severity"] == "medium"
    lowered = by_path[str(tmp_path / "tests" / "test_ops.py")]
    assert lowered["severity"] == "low"
    assert "context: test path (severity lowered)" in lowered["signals"]


def test_cleartext_url_shows_the_host_but_never_the_user_info(tmp_path: Path) -> None:
    user_info = "svc:" + "hunter" + "-pw-2"  # a fake password, assembled at run time
    (tmp_path / "client.py").write_text(
        "import requests\n\n"
        "def push(data):\n"
        f'    return requests.post("http://{user_info}@api.shop-corp.io/x", data)\n'
    )
    result = CliRunner().invoke(main, ["scan", "--format", "json", "--no-cache", str(tmp_path)])
    cleartext_findings = [
        f for f in json.loads(result.output)["findings"] if f["rule_id"] == "SC242"
    ]
    assert [f["line"] for f in cleartext_findings] == [4]
    assert "host api.shop-corp.io" in cleartext_findings[0]["message"]
    assert "hunter" not in cleartext_findings[0]["message"]


def test_checksums_and_safe_loaders_are_quiet(tmp_path: Path) -> None:
    (tmp_path / "store.py").write_text(
        "import hashlib\nimport yaml\nfrom lxml import etree\n\n"
        "def etag(body):\n    return hashlib.md5(body).hexdigest()\n\n"
        "def sign_cache_key(secret):\n"
        "    return hashlib.sha1(secret, usedforsecurity=False).hexdigest()\n\n"
        "def settings(fh):\n    return yaml.load(fh, Loader=yaml.CSafeLoader)\n\n"
        "PARSER = etree.XMLParser(resolve_entities=False)\n"
    )
    assert _scan(tmp_path, "--select", "SC240,SC241,SC242,SC243") == []
