"""Provider-token rules (SC3xx/SC3xxx) as a whole: coverage, RE2-compatibility, code selection,
and the offline structure validators the newer formats use."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from secretcheck import validators
from secretcheck.cli import main
from secretcheck.examples import expand
from secretcheck.rulepacks import code_selected, load_catalogue

CATALOGUE = load_catalogue()
PROVIDER_RULES = [r for r in CATALOGUE.active() if r.code.startswith("SC3") and r.pattern]


def test_rules_command_lists_at_least_220_provider_formats() -> None:
    result = CliRunner().invoke(main, ["rules"])
    assert result.exit_code == 0, result.output
    codes = [line.split()[0] for line in result.output.splitlines() if line.startswith("SC3")]
    assert len(codes) >= 220
    assert len(set(codes)) == len(codes)


@pytest.mark.parametrize("rule", PROVIDER_RULES, ids=lambda r: r.code)
def test_provider_rule_has_prefilter_reference_and_cwe(rule: object) -> None:
    from secretcheck.rulepacks import RuleSpec

    assert isinstance(rule, RuleSpec) and rule.pattern is not None
    assert rule.pattern.keywords and all(len(k) >= 2 for k in rule.pattern.keywords)
    assert rule.docs.references and rule.docs.references[0].startswith("https://")
    assert rule.cwe in ("CWE-798", "CWE-321")


# Rules added since the move to RE2 (four-digit codes) must stay inside the RE2 subset: no
# lookarounds, no backreferences, repetition counts <= 1000. The older three-digit rules are
# converted by the engine work that switches the matcher.
NEW_RULES = [r for r in PROVIDER_RULES if len(r.code) == 6]


@pytest.mark.parametrize("rule", NEW_RULES, ids=lambda r: r.code)
def test_new_provider_pattern_compiles_under_re2(rule: object) -> None:
    re2 = pytest.importorskip("re2")
    from secretcheck.rulepacks import RuleSpec

    assert isinstance(rule, RuleSpec) and rule.pattern is not None
    re2.compile("(?m)" + rule.pattern.regex.pattern)
    for allow in rule.pattern.allow:
        re2.compile(allow.pattern)


def test_new_provider_patterns_avoid_re_only_syntax_without_re2() -> None:
    # The same guarantee when google-re2 is not installed: the constructs RE2 rejects.
    for rule in NEW_RULES:
        assert rule.pattern is not None
        source = rule.pattern.regex.pattern
        for construct in ("(?<!", "(?<=", "(?!", "(?=", "(?P="):
            assert construct not in source, f"{rule.code} uses {construct}"


def test_full_code_selects_only_itself_and_prefix_selects_family() -> None:
    assert code_selected("SC301", "SC301")
    assert not code_selected("SC3010", "SC301")
    assert code_selected("SC3010", "SC3")
    assert code_selected("SC3010", "SC30")
    assert code_selected("SC3010", "SC3010")
    assert code_selected("SC101", "ALL")


def _write(tmp_path: Path, name: str, template: str) -> Path:
    path = tmp_path / name
    path.write_text(expand(template, seed="providers"), encoding="utf-8")
    return path


def _codes(output: str) -> set[str]:
    return {f["rule_id"] for f in json.loads(output)["findings"] if not f["suppressed"]}


def test_ignoring_a_three_digit_code_keeps_four_digit_neighbours(tmp_path: Path) -> None:
    feed = CATALOGUE.by_code()
    code = next(c for c, r in feed.items() if r.name == "gitlab-feed-token")
    _write(tmp_path, "ci.env", "GITLAB_FEED_TOKEN=glft-{{base64url:20}}\n")
    runner = CliRunner()
    prefix3 = code[:5]  # e.g. SC310: a rule of its own (json-web-token), not a prefix here
    result = runner.invoke(main, ["scan", "--no-cache", "--format", "json", "--select", "SC3",
                                  "--ignore", prefix3, str(tmp_path)])  # fmt: skip
    assert result.exit_code == 1, result.output
    assert code in _codes(result.output)
    result = runner.invoke(main, ["scan", "--no-cache", "--format", "json", "--select", "SC3",
                                  "--ignore", code, str(tmp_path)])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert code not in _codes(result.output)


def test_inline_suppression_by_four_digit_code(tmp_path: Path) -> None:
    _write(tmp_path, "cfg.py", 'TOKEN = "glft-{{base64url:20}}"  # secretcheck: ignore[SC3]\n')
    result = CliRunner().invoke(main, ["scan", "--no-cache", "--format", "json", str(tmp_path)])
    assert result.exit_code == 0, result.output


# --- validators -----------------------------------------------------------------------------


def test_jwe_validator_needs_five_parts_and_an_enc_header() -> None:
    token = expand("{{jwe}}", seed=3)
    assert validators.jwe(token) is not None
    assert validators.jwe(expand("{{jwt}}", seed=3)) is None
    header = base64.urlsafe_b64encode(b'{"alg":"none"}').decode().rstrip("=")
    assert validators.jwe(".".join([header, "a" * 20, "b" * 16, "c" * 30, "d" * 22])) is None


def test_base64_jwt_validator_decodes_the_inner_token() -> None:
    assert validators.base64_jwt(expand("{{b64jwt}}", seed=4)) is not None
    not_jwt = base64.b64encode(b"eyJhbGciOi is just text, not a token at all").decode()
    assert validators.base64_jwt(not_jwt) is None


def test_base64_pem_validator_wants_a_private_key() -> None:
    assert validators.base64_pem_private_key(expand("{{b64pem:rsa}}", seed=5)) is not None
    public = base64.b64encode(expand("{{public_pem:cert}}", seed=5).encode()).decode()
    assert validators.base64_pem_private_key(public) is None


def test_grafana_validator_wants_k_n_and_id() -> None:
    assert validators.grafana_legacy_key(expand("{{grafana_key}}", seed=6)) is not None
    other = base64.b64encode(b'{"kind":"dashboard","name":"x"}').decode()
    assert validators.grafana_legacy_key(other) is None


def test_jfrog_validator_wants_the_reftkn_layout() -> None:
    token = expand("{{jfrog_ref}}", seed=7)
    assert len(token) == 64 and token.isalnum()
    assert validators.jfrog_reference_token(token) is not None
    assert validators.jfrog_reference_token(base64.b64encode(b"reftkn:01:abc").decode()) is None


@pytest.mark.parametrize(
    ("template", "rule_name"),
    [
        ("kubeconfig.yaml", "kubeconfig-client-key-data"),
    ],
)
def test_structure_rule_rejects_a_value_that_only_looks_right(
    tmp_path: Path, template: str, rule_name: str
) -> None:
    # client-key-data holding a base64 *certificate* (public) must not be a private-key finding.
    cert = base64.b64encode(expand("{{public_pem:cert}}", seed=8).encode()).decode()
    text = f"users:\n- name: admin\n  user:\n    client-key-data: LS0tLS1CRUdJTi{cert[14:]}\n"
    (tmp_path / template).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["scan", "--no-cache", "--format", "json", str(tmp_path)])
    code = next(r.code for r in CATALOGUE.active() if r.name == rule_name)
    assert code not in _codes(result.output)
