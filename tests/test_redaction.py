"""Redaction, a hard rule: no output format ever holds a full secret value."""

from __future__ import annotations

import html
import json
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli, write_tree
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from secretcheck.api import scan_text
from secretcheck.examples import expand
from secretcheck.findings import Severity
from secretcheck.redact import redact_line, redact_value
from secretcheck.report import FORMATS, get_renderer
from secretcheck.rulepacks import load_catalogue

SECRET_RULES = [r for r in load_catalogue().active() if r.category == "secret"]
SEEDS = (1, 2, 3)


def strings_in(document: Any) -> Iterator[str]:
    if isinstance(document, str):
        yield document
    elif isinstance(document, dict):
        for key, value in document.items():
            yield key
            yield from strings_in(value)
    elif isinstance(document, list):
        for item in document:
            yield from strings_in(item)


def decoded(output: str, fmt: str) -> list[str]:
    """`output` plus its text with each format's escaping undone, where a secret could hide."""
    texts = [output]
    if fmt in ("json", "sarif"):
        texts.extend(strings_in(json.loads(output)))
    elif fmt == "junit":
        texts.append(html.unescape(output))
    elif fmt == "github":  # workflow-command escaping (see report/github.py)
        for old, new in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
            output = output.replace(old, new)
        texts.append(output)
    return texts


def leaks(output: str, fmt: str, secrets: set[str]) -> list[str]:
    """The secrets (or secret lines) that appear in `output`, raw or after unescaping."""
    texts = decoded(output, fmt)
    found = []
    for secret in secrets:
        pieces = [p.strip() for p in secret.splitlines()] if "\n" in secret else [secret]
        for piece in (p for p in pieces if len(p) >= 8):
            if any(piece in text for text in texts):
                found.append(piece)
    return found


def example_tree(root: Path) -> tuple[Path, set[str], set[str]]:
    """Every flag example of every secret rule, with several seeds; (root, secrets, rules hit)."""
    files: dict[str, str | bytes] = {}
    secrets: set[str] = set()
    hit: set[str] = set()
    for rule in SECRET_RULES:
        for index, example in enumerate(rule.flag):
            for seed in SEEDS:
                text = expand(example.text, seed)
                name = f"{rule.code}-{index}-{seed}/{example.filename}"
                files[name] = text
                for finding in scan_text(text, example.filename).findings:
                    if finding.secret:
                        secrets.add(finding.secret)
                    hit.update((finding.rule_id, *finding.also))
    return write_tree(root, files), secrets, hit


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[str], set[str]]:
    return example_tree(tmp_path_factory.mktemp("examples"))


def test_every_secret_rule_contributes_secrets(examples: tuple[Path, set[str], set[str]]) -> None:
    _, secrets, hit = examples
    assert {r.code for r in SECRET_RULES} <= hit
    assert len(secrets) >= len(SECRET_RULES) * 2


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_format_holds_a_generated_secret(
    examples: tuple[Path, set[str], set[str]], fmt: str
) -> None:
    root, secrets, _ = examples
    result = run_cli("scan", "--format", fmt, ".", cwd=root)
    assert result.exit_code == 1
    assert "redacted]" in result.stdout
    assert leaks(result.stdout, fmt, secrets) == []
    assert leaks(result.stderr, "text", secrets) == []


def test_color_text_and_output_file_hold_no_secret(
    examples: tuple[Path, set[str], set[str]], tmp_path: Path
) -> None:
    root, secrets, _ = examples
    coloured = run_cli("scan", "--color", ".", cwd=root)
    assert coloured.exit_code == 1
    assert leaks(coloured.stdout, "text", secrets) == []
    out = tmp_path / "r.sarif"
    assert run_cli("scan", "--format", "sarif", "-o", str(out), ".", cwd=root).exit_code == 1
    assert leaks(out.read_text(encoding="utf-8"), "sarif", secrets) == []


def test_second_copy_of_a_secret_on_the_flagged_line_is_redacted() -> None:
    token = expand("{{crc_token:ghp}}")
    text = f'T = "{token}"; BACKUP = "{token}"\n'
    (finding,) = scan_text(text, "a.py").findings
    assert token not in finding.snippet
    assert finding.snippet.count("[40 chars redacted]") == 2


def test_every_line_of_a_private_key_is_redacted() -> None:
    pem = expand("{{pem:rsa}}")
    text = f'KEY = """{pem}"""\n'
    result = scan_text(text, "keys.py")
    body = [line for line in pem.splitlines()[1:-1] if len(line) >= 8]
    for fmt in FORMATS:
        output = get_renderer(fmt)(result, load_catalogue(), Severity.LOW, False)
        assert not [line for line in body if line in output], fmt


def test_parse_error_on_a_credential_line_does_not_print_it() -> None:
    password = expand("{{password:16}}")
    token = expand("{{crc_token:ghp}}")
    # The token is found by a text rule, so the file is parsed and the parse error reported.
    result = scan_text(f'import os\nDB_PASSWORD = "{password}\nT = "{token}"\n', "db.py")
    (finding,) = [f for f in result.findings if f.rule_id == "SC901"]
    assert finding.span.line == 2
    assert finding.snippet == f'DB_PASSWORD = "{password[:4]}…[16 chars redacted]'
    for fmt in FORMATS:
        output = get_renderer(fmt)(result, load_catalogue(), Severity.LOW, False)
        assert password not in output, fmt
        assert token not in output, fmt


def test_redact_value_shows_a_short_prefix_and_the_length() -> None:
    assert redact_value("abcdefghijklmnop") == "abcd…[16 chars redacted]"
    assert redact_value("abcdefgh") == "ab…[8 chars redacted]"
    assert redact_value("abc") == "…[3 chars redacted]"


def test_redact_line_spans_secrets_and_truncation() -> None:
    line = 'x = "SECRETVALUE1" + "SECRETVALUE1"'
    assert redact_line(line, [(5, 17)], ["SECRETVALUE1"]) == (
        'x = "SEC…[12 chars redacted]" + "SEC…[12 chars redacted]"'
    )
    long = "k = '" + "A" * 300 + "'"
    redacted = redact_line(long, [(5, 305)])
    assert "A" * 8 not in redacted and len(redacted) <= 240


# --- the same, for arbitrary generated tokens ---------------------------------------------

ALNUM = string.ascii_letters + string.digits
PASSWORD_CHARS = ALNUM + "!#%&*+-=?@^_"
TEMPLATES = {
    "github": ("app.py", 'GITHUB_TOKEN = "{}"\n'),
    "aws": ("deploy.sh", "export AWS_ACCESS_KEY_ID={}\n"),
    "stripe": (".env", "STRIPE_KEY={}\n"),
    "password_py": ("db.py", 'conn = connect(host="db", password="{}")\n'),
    "password_assign": ("settings.py", 'DB_PASSWORD = "{}"\n'),
    "password_yaml": ("config.yaml", "database:\n  password: {}\n"),
    "url": ("compose.yml", "url: postgresql://app:{}@db.internal:5432/app\n"),
    # The file does not parse, on the credential's own line: only the diagnostic sees it.
    "password_unterminated": ("db.py", 'import os\nDB_PASSWORD = "{}\n'),
}
tokens = st.one_of(
    st.tuples(st.just("github"), st.text(ALNUM, min_size=36, max_size=36).map("ghp_".__add__)),
    st.tuples(st.just("aws"), st.text(string.ascii_uppercase + "234567", min_size=16,
                                      max_size=16).map("AKIA".__add__)),
    st.tuples(st.just("stripe"), st.text(ALNUM, min_size=24, max_size=60).map("sk_live_".__add__)),
    st.tuples(st.sampled_from(["password_py", "password_assign", "password_yaml",
                               "password_unterminated"]),
              st.text(PASSWORD_CHARS, min_size=8, max_size=40)),
    st.tuples(st.just("url"), st.text(ALNUM + "-_.~", min_size=8, max_size=40)),
)  # fmt: skip


def boilerplate() -> str:
    """Text every report may hold whatever was scanned: a value inside it proves no leak."""
    catalogue = load_catalogue()
    sample = scan_text(
        'API_KEY = "AIza' + expand("{{base64url:35}}") + '"  # secretcheck: ignore\n', "a b.py"
    )
    parts = [get_renderer(fmt)(sample, catalogue, Severity.LOW, False) for fmt in FORMATS]
    parts += [f"{r.code} {r.name} {r.message} {r.fix} {r.summary}" for r in catalogue.rules]
    return "\n".join(parts)


BOILERPLATE = boilerplate()


@settings(max_examples=150, deadline=None)
@given(tokens)
def test_no_format_holds_an_arbitrary_token(case: tuple[str, str]) -> None:
    kind, secret = case
    assume(secret not in BOILERPLATE)  # e.g. 'startCol' is in every SARIF file
    assume(not secret.lower().startswith(("your", "my", "the", "enter", "insert", "replace")))
    filename, template = TEMPLATES[kind]
    result = scan_text(template.format(secret), filename)
    flagged = [f for f in result.findings if not f.suppressed]
    assume(flagged)  # a value no detector flags is never printed at all
    for fmt in FORMATS:
        output = get_renderer(fmt)(result, load_catalogue(), Severity.LOW, fmt == "text")
        assert leaks(output, fmt, {secret}) == [], fmt
