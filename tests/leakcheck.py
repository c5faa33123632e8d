"""Every place a secret could be printed or stored, collected as text to search for secrets.

Runs the real CLI (click's runner, so it is fast enough for property tests) and reads what it
wrote: the five scan formats, the cache entries, a baseline, `history` output and the five grade
reports. Each text is also searched with its format's escaping undone (JSON strings, XML and
HTML entities, GitHub workflow-command escapes, Markdown backslashes).
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from conftest import git, run_cli

from secretcheck.report import FORMATS

GRADE_FORMATS = ("text", "json", "markdown", "html", "csv")


def _strings(document: Any) -> Iterator[str]:
    if isinstance(document, str):
        yield document
    elif isinstance(document, dict):
        for key, value in document.items():
            yield key
            yield from _strings(value)
    elif isinstance(document, list):
        for item in document:
            yield from _strings(item)


def unescaped(output: str, fmt: str) -> list[str]:
    """`output` and its text with `fmt`'s escaping undone, where a secret could hide."""
    texts = [output]
    if fmt in ("json", "sarif"):
        texts.extend(_strings(json.loads(output)))
    elif fmt == "cache":  # an HMAC line, then the entry's JSON
        texts.extend(_strings(json.loads(output.partition("\n")[2] or output)))
    elif fmt in ("junit", "html"):
        texts.append(html.unescape(output))
    elif fmt == "github":  # workflow-command escaping (see report/github.py)
        for old, new in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
            output = output.replace(old, new)
        texts.append(output)
    elif fmt == "markdown":
        texts.append(re.sub(r"\\(.)", r"\1", output))
    elif fmt == "csv":
        texts.extend(cell for row in csv.reader(io.StringIO(output)) for cell in row)
    return texts


def leaks(outputs: dict[str, str], secrets: Iterable[str]) -> list[tuple[str, str]]:
    """(where, secret) for each generated secret of 8+ characters found in any output."""
    found = []
    for where, output in outputs.items():
        texts = unescaped(output, where.split(":")[0])
        for secret in secrets:
            if len(secret) >= 8 and any(secret in text for text in texts):
                found.append((where, secret))
    return found


def scan_outputs(root: Path, extra: Iterable[str] = ()) -> dict[str, str]:
    """Every scan format (stdout and stderr), the cache entries and a fresh baseline."""
    outputs: dict[str, str] = {}
    for fmt in FORMATS:
        result = run_cli("scan", "--format", fmt, *extra, ".", cwd=root)
        assert result.exit_code in (0, 1), (fmt, result.exit_code, result.stderr)
        assert result.exception is None, result.exception
        outputs[fmt] = result.stdout
        outputs[f"text:stderr-{fmt}"] = result.stderr
    for entry in sorted((root / ".secretcheck_cache").rglob("*.json")):
        outputs[f"cache:{entry.name}"] = entry.read_text(encoding="utf-8")
    baseline = root / "baseline.json"
    result = run_cli("baseline", "create", "-o", str(baseline), ".", cwd=root)
    assert result.exit_code == 0, result.stderr
    outputs["json:baseline"] = baseline.read_text(encoding="utf-8")
    baseline.unlink()
    return outputs


def history_outputs(repo: Path) -> dict[str, str]:
    """`history` in text and JSON over a repository whose one commit holds the tree."""
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "add files")
    outputs = {}
    for fmt in ("text", "json"):
        result = run_cli("history", "--format", fmt, "-j", "1", ".", cwd=repo)
        assert result.exit_code in (0, 1), (fmt, result.exit_code, result.stderr)
        outputs[f"{fmt}:history"] = result.stdout
    return outputs


def grade_outputs(root: Path) -> dict[str, str]:
    outputs = {}
    for fmt in GRADE_FORMATS:
        result = run_cli("grade", "--format", fmt, "-j", "1", str(root))
        assert result.exit_code == 0, (fmt, result.exit_code, result.stderr)
        outputs[f"{fmt}:grade"] = result.stdout
    return outputs
