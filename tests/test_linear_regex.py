"""Rule regexes run on RE2: no pattern, built-in or from a scanned repository, can hang a scan."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import write_tree

from secretcheck.examples import expand
from secretcheck.linear_regex import PatternError, compile_linear
from secretcheck.rulepacks import load_catalogue

CLI = [sys.executable, "-c", "from secretcheck.cli import main; main()"]

PACK_RULE = """
code = "SC399"
name = "hostile-rule"
category = "secret"
cwe = "CWE-798"
severity = "high"
confidence = "high"
engine = "pattern"
summary = "A rule written to backtrack forever under Python's re"
message = "Hostile"
fix = "None."
pattern.keywords = ["a"]
pattern.regex = '{regex}'
"""


def run_real(args: list[str], cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """The real CLI in its own process, so a hang fails the test instead of stalling it."""
    return subprocess.run(
        [*CLI, *args], cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False
    )


def pattern_rules() -> list[object]:
    return [r for r in load_catalogue().rules if r.pattern is not None]


def test_every_builtin_pattern_is_re2_compilable() -> None:
    rules = pattern_rules()
    assert len(rules) >= 98
    for rule in rules:
        assert rule.pattern is not None  # type: ignore[attr-defined]
        compile_linear(rule.pattern.regex.pattern)  # type: ignore[attr-defined]


@pytest.mark.parametrize("rule", pattern_rules(), ids=lambda r: r.code)  # type: ignore[attr-defined]
def test_re2_finds_what_python_re_finds(rule: object) -> None:
    """Same matches and secret spans as `re` on the rule's own examples, glued together with
    one separator character (the case consumed boundaries could get wrong) and with non-ASCII
    text around them (byte vs character offsets)."""
    spec = rule.pattern  # type: ignore[attr-defined]
    flags = re.MULTILINE | (re.IGNORECASE if "(?i)" in spec.regex.pattern[:4] else 0)
    try:
        reference = re.compile(spec.regex.pattern, flags)
    except re.error:  # written for RE2 only (no Python equivalent): nothing to compare
        pytest.skip("RE2-only syntax")
    examples = [expand(e.text, seed=i) for i, e in enumerate(rule.flag + rule.ok)]  # type: ignore[attr-defined]
    # "€" and not "é": RE2's \b and \w are ASCII, Python's are Unicode (`é` is a word char).
    texts = [*examples, ",".join(examples), "€".join(examples), "€\n" + " ".join(examples)]
    for text in texts:
        want = [(m.span(), m.span(spec.secret_group)) for m in reference.finditer(text)]
        got = [(m.span(), m.span(spec.secret_group)) for m in spec.regex.finditer(text)]
        assert got == want


def test_adjacent_tokens_one_separator_apart_are_both_found() -> None:
    regex = compile_linear(r"(?<![A-Za-z0-9])(?P<secret>tok_[a-z]{4})(?![A-Za-z0-9])")
    assert [m.group("secret") for m in regex.finditer("tok_abcd,tok_efgh tok_ijklm")] == [
        "tok_abcd",
        "tok_efgh",
    ]


@pytest.mark.parametrize(
    "regex",
    [r"(?P<secret>a(?=b))", r"(?P<x>a)(?P=x)", r"x(?<!y)z", r"(?<![a])b|c"],
)
def test_non_linear_constructs_are_refused(regex: str) -> None:
    with pytest.raises(PatternError):
        compile_linear(regex)


def test_catastrophic_pack_rule_from_the_repository_finishes_instantly(tmp_path: Path) -> None:
    # H1: under Python's re this ran past 60 s.
    write_tree(
        tmp_path,
        {
            ".secretcheck.toml": 'rule-paths = ["extra-rules"]\n',
            "extra-rules/hostile/hostile.toml": PACK_RULE.format(regex="(?P<secret>(a+)+)$"),
            "data.txt": "a" * 40 + "!\n",
        },
    )
    started = time.monotonic()
    done = run_real(["scan", "--no-cache", "."], tmp_path, timeout=60)
    assert done.returncode in (0, 1), done.stderr
    assert time.monotonic() - started < 20  # process start and imports included


def test_lookahead_in_a_pack_rule_is_a_rule_pack_error_naming_file_and_key(
    tmp_path: Path,
) -> None:
    write_tree(
        tmp_path,
        {
            ".secretcheck.toml": 'rule-paths = ["extra-rules"]\n',
            "extra-rules/hostile/hostile.toml": PACK_RULE.format(regex="(?P<secret>a(?=b))"),
            "data.txt": "ab\n",
        },
    )
    done = run_real(["scan", "--no-cache", "."], tmp_path)
    assert done.returncode == 2
    assert "hostile.toml" in done.stderr and "pattern.regex" in done.stderr
    assert "Traceback" not in done.stderr


def percent_template() -> str:
    """Runs of `%(` and of `%0` in a `%` template, which the taint rules read with Python's re
    (which conversion precedes a `?`): each used to be tried two ways at each position."""
    hostile = "%(" * 100_000 + "%" + "0" * 100_000
    return (
        "from flask import Flask, redirect, request\n\napp = Flask(__name__)\n\n\n"
        '@app.route("/")\ndef index():\n'
        f'    return redirect("{hostile}?%s" % (request.args["next"],))\n'
    )


def attribute_fields() -> str:
    """30,000 fields of a literal HTML template (`taint/markup.py` places each one): placing
    each used to join all the text before it."""
    fields = 30_000
    template = '<a href="' + "%s" * fields + '">go</a>'
    operands = ", ".join(["p"] * fields)
    return (
        "from django.http import HttpResponse\nfrom django.utils.safestring import mark_safe\n\n\n"
        "def page(request):\n    p = request.get_full_path()\n"
        f"    return HttpResponse(mark_safe('{template}' % ({operands},)))\n"
    )


@pytest.mark.parametrize("build", [percent_template, attribute_fields],
                         ids=["percent-runs", "attribute-fields"])  # fmt: skip
def test_hostile_templates_are_read_in_linear_time(
    tmp_path: Path, build: Callable[[], str]
) -> None:
    """Either used to run past the file's budget, and the file was reported partial."""
    (tmp_path / "app.py").write_text(build(), encoding="utf-8")
    result = run_real(["scan", "--no-cache", "--format", "json", "app.py"], tmp_path)
    summary = json.loads(result.stdout)["summary"]
    assert summary["partial"] == 0 and summary["errors"] == 0
