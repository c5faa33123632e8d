"""Issue 9, L1-L3: secrets that no rule matched, printed next to ones that a rule did.

Each case runs the real CLI over a small tree and searches every output (five scan formats,
cache entries, a baseline, `history`, five grade formats) for the generated secrets.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli, write_tree
from leakcheck import grade_outputs, history_outputs, leaks, scan_outputs

from secretcheck.api import scan_text
from secretcheck.examples import expand
from secretcheck.grading.redaction import redact_message, redact_snippet
from secretcheck.redact import redact_line
from secretcheck.textindex import LineIndex, split_lines

GHP = "{{crc_token:ghp}}"
STRIPE = "sk_live_{{alnum:24}}"
AKIA = "AKIA{{upper:16}}"
PASSWORD = "{{password:14}}"

# The four shapes of L1: (file, line template, slots filled from `expand`).
L1_SHAPES = {
    "dict": ("creds.py", 'CREDS = {{"stripe": "{0}", "smtp": "{1}"}}\n', (STRIPE, PASSWORD)),
    "argv": ("cli.py", 'ARGS = ["--api-key", "{0}", "--db-pass", "{1}"]\n', (GHP, PASSWORD)),
    "yaml": ("config.yaml", "creds: {{pass: {1}, token: {0}}}\n", (GHP, PASSWORD)),
    "shell": (
        "deploy.sh",
        "docker login -p {1} registry.example.com && GITHUB_TOKEN={0} make\n",
        (GHP, PASSWORD),
    ),
}


def _filled(shape: str, seed: int) -> tuple[str, str, list[str]]:
    name, template, slots = L1_SHAPES[shape]
    secrets = [expand(slot, f"{shape}-{seed}-{i}") for i, slot in enumerate(slots)]
    return name, template.format(*secrets), secrets


@pytest.mark.parametrize("shape", sorted(L1_SHAPES))
def test_l1_an_unmatched_secret_beside_a_matched_one_is_never_printed(
    shape: str, tmp_path: Path
) -> None:
    name, text, secrets = _filled(shape, 1)
    found = scan_text(text, name).findings
    assert found, "the shape must hold a secret that a rule matches"
    # The password is the one no rule matched: before the fix it was printed in the clear.
    assert secrets[1] not in {f.secret for f in found}
    root = write_tree(tmp_path / "tree", {name: text})
    outputs = scan_outputs(root)
    assert "redacted]" in outputs["text"]
    assert list(k for k in outputs if k.startswith("cache:")), "nothing was cached"
    assert leaks(outputs, secrets) == []


def test_l1_snippets_keep_the_structure_and_mask_every_value() -> None:
    _, text, (token, password) = _filled("dict", 2)
    (finding,) = scan_text(text, "creds.py").findings
    # Names and structure stay; the matched secret keeps its prefix and length, and so
    # does the password that no rule matched.
    assert finding.snippet == (
        f'CREDS = {{"stripe": "sk_l…[{len(token)} chars redacted]", '
        f'"smtp": "{password[:3]}…[14 chars redacted]"}}'
    )


def test_l1_history_output_holds_none_of_the_secrets(git_repo: Path) -> None:
    files, secrets = {}, []
    for shape in sorted(L1_SHAPES):
        name, text, shape_secrets = _filled(shape, 3)
        files[name] = text
        secrets += shape_secrets
    write_tree(git_repo, files)
    outputs = history_outputs(git_repo)
    assert "redacted]" in outputs["text:history"]
    assert leaks(outputs, secrets) == []


def _l2_submission(root: Path) -> tuple[Path, list[str]]:
    ghp, stripe, akia = expand(GHP, "l2"), expand(STRIPE, "l2"), expand(AKIA, "l2")
    password, tool_token = expand(PASSWORD, "l2"), expand("tok_{{alnum:32}}", "l2")
    files = {
        # Tooling evidence with an identifier token and a trailing comment token.
        "Makefile": f"audit:\n\tbandit -r src --api-key {tool_token}  # deploy key {akia}\n",
        # Wildcard-access evidence carrying form data and identifier-shaped tokens.
        "app.py": (
            "from flask_cors import CORS\n"
            f'CORS(app); post(URL, data="user=admin&password={password}")  # {ghp} {stripe}\n'
        ),
        ".github/workflows/ci.yml": f"jobs:\n  s:\n    steps:\n      - run: semgrep -t {ghp}\n",
    }
    return write_tree(root, files), [ghp, stripe, akia, password, tool_token]


def test_l2_grade_evidence_masks_identifier_tokens_form_data_and_comment_tokens(
    tmp_path: Path,
) -> None:
    root, secrets = _l2_submission(tmp_path / "sub")
    outputs = grade_outputs(root)
    report = json.loads(outputs["json:grade"])
    evidence = json.dumps(report)
    # The habit lines are shown (redacted), so the test is not vacuous.
    assert "bandit -r src --api-key" in evidence and "CORS(app)" in evidence
    assert "redacted]" in evidence
    assert leaks(outputs, secrets) == []


def test_l2_grade_redaction_is_the_scan_redaction() -> None:
    line = f"\tbandit -r . --api-key {expand(GHP, 'same')}  # {expand(AKIA, 'same')}"
    assert redact_snippet(line) == redact_line(line)
    subject = f"fix: rotate key {expand(AKIA, 'subject')}"
    assert redact_message(subject) == f"fix: rotate key AKIA…[{20} chars redacted]"


def test_l3_one_line_numbering_for_findings_and_grade_evidence(tmp_path: Path) -> None:
    akia = expand(AKIA, "l3")
    # A form feed and a U+2028 inside lines: str.splitlines would count two more lines.
    text = (
        "import os\n"
        "x = 1  \f# page\n"
        'NOTE = "a\u2028b"\n'
        f'AWS = os.environ.get("AWS_ACCESS_KEY_ID") or "{akia}"\n'
    )
    assert split_lines(text) == [line.rstrip("\r\n") for line in LineIndex(text).lines]
    assert len(split_lines(text)) == 4 != len(text.splitlines())
    root = write_tree(tmp_path / "sub", {"app.py": text})
    scan = run_cli("scan", "--format", "json", ".", cwd=root).json()
    lines = {f["line"] for f in scan["findings"] if f["path"] == "app.py"}
    assert 4 in lines
    outputs = grade_outputs(root)
    report = json.loads(outputs["json:grade"])
    shown = [
        e
        for e in _evidence(report)
        if e.get("path") == "app.py" and "AWS_ACCESS_KEY_ID" in e.get("snippet", "")
    ]
    assert shown and all(e["line"] == 4 for e in shown)
    assert leaks(outputs, [akia]) == []


def _evidence(document: object) -> list[dict[str, object]]:
    """Every evidence object in a grade JSON report."""
    found: list[dict[str, object]] = []
    if isinstance(document, dict):
        if "snippet" in document and "line" in document:
            found.append(document)
        for value in document.values():
            found.extend(_evidence(value))
    elif isinstance(document, list):
        for item in document:
            found.extend(_evidence(item))
    return found


def test_redaction_is_stable_when_applied_again() -> None:
    """Grade evidence and cache entries may be masked twice; the text must not change."""
    for shape in sorted(L1_SHAPES):
        _, text, _ = _filled(shape, 4)
        once = redact_line(text)
        assert redact_line(once) == once


def test_a_fingerprint_hashes_no_value_that_the_snippet_masks() -> None:
    """A fingerprint is printed; hashing a weak password beside its shown structure would let
    anyone guess it offline. Two lines that differ only in the unmatched password agree."""
    token = expand(STRIPE, "fp")
    prints = set()
    for seed in ("a", "b"):
        text = f'CREDS = {{"stripe": "{token}", "smtp": "{expand(PASSWORD, seed)}"}}\n'
        (finding,) = scan_text(text, "creds.py").findings
        prints.add(finding.fingerprint)
    assert len(prints) == 1
