"""The fleet's reports: combined JSON, SARIF and Markdown, plus one folder per repository.

Everything here is built from the rows workers send back, which hold only rendered, redacted
reports. Rows are in the order of the repository list, and nothing run-dependent (times,
temporary folders, attempts) is written, so the same fleet gives the same files whichever
executor ran it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from secretcheck import __version__
from secretcheck.report.sarif import SCHEMA

Row = dict[str, Any]
REPORT_VERSION = "1.0"
_SARIF_LEVEL = {
    "critical": "error",
    "high": "error",
    "medium": "warning",
    "low": "note",
    "info": "note",
}


def row_summary(row: Row) -> dict[str, Any]:
    """The summary-table line of one repository."""
    scan = (row.get("scan") or {}).get("summary", {})
    history = (row.get("history") or {}).get("summary", {})
    return {
        "name": row["name"],
        "status": row["status"],
        "head": scan.get("findings", 0),
        "present": history.get("present", 0),
        "removed": history.get("removed", 0),
        "suppressed": scan.get("suppressed", 0) + history.get("suppressed", 0),
        "errors": 1 if row["status"] == "error" else scan.get("errors", 0),
        "failing": scan.get("failing", 0) + history.get("failing", 0),
    }


def fleet_summary(rows: Sequence[Row]) -> dict[str, int]:
    lines = [row_summary(r) for r in rows]
    keys = ("head", "present", "removed", "suppressed", "errors", "failing")
    total = {k: sum(line[k] for line in lines) for k in keys}
    total["repositories"] = len(rows)
    total["error_rows"] = sum(1 for r in rows if r["status"] == "error")
    return total


def render_json(rows: Sequence[Row], mode: str) -> str:
    document = {
        "version": REPORT_VERSION,
        "tool": {"name": "secretcheck", "version": __version__},
        "kind": "fleet",
        "mode": mode,
        "summary": fleet_summary(rows),
        "repositories": [{**row, "summary": row_summary(row)} for row in rows],
    }
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _history_result(secret: dict[str, Any]) -> dict[str, Any]:
    return {
        "ruleId": secret["rule_id"],
        "level": _SARIF_LEVEL.get(secret["severity"], "warning"),
        "message": {
            "text": f"{secret['message']} (added in {secret['commit'][:12]}, {secret['status']})"
        },
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": secret["path"]},
                    "region": {"startLine": secret["line"], "snippet": {"text": secret["snippet"]}},
                }
            }
        ],
        "partialFingerprints": {"secretcheck/v1": secret["fingerprint"]},
        "properties": {"commit": secret["commit"], "status": secret["status"]},
        **({"suppressions": [{"kind": "inSource"}]} if secret["suppressed"] else {}),
    }


def _runs(row: Row) -> list[dict[str, Any]]:
    name = row["name"]
    driver = {"name": "secretcheck", "version": __version__}
    if row["status"] == "error":
        notice = {"level": "error", "message": {"text": row["error"]}}
        invocation = {"executionSuccessful": False, "toolExecutionNotifications": [notice]}
        return [
            {
                "tool": {"driver": driver},
                "results": [],
                "invocations": [invocation],
                "automationDetails": {"id": f"secretcheck-fleet/{name}/"},
            }
        ]
    runs = []
    for run in (row.get("sarif") or {}).get("runs", []):
        runs.append({**run, "automationDetails": {"id": f"secretcheck-fleet/{name}/"}})
    if row.get("history") is not None:
        results = [_history_result(s) for s in row["history"]["secrets"]]
        runs.append(
            {
                "tool": {"driver": driver},
                "results": results,
                "automationDetails": {"id": f"secretcheck-fleet-history/{name}/"},
            }
        )
    return runs


def render_sarif(rows: Sequence[Row]) -> str:
    """One SARIF run per repository and kind (HEAD scan, history); an error row is a run
    whose invocation failed, so viewers show it instead of a clean repository."""
    document = {
        "version": "2.1.0",
        "$schema": SCHEMA,
        "runs": [run for row in rows for run in _runs(row)],
    }
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ").replace("`", "'")


def _finding_lines(title: str, items: Sequence[dict[str, Any]], history: bool) -> list[str]:
    if not items:
        return [f"{title}: none.", ""]
    head = "| Rule | Severity | Location | Snippet (redacted) |"
    head += " Status | Commit |" if history else ""
    lines = [f"{title}:", "", head, "|" + "---|" * head.count(" | ") + "---|"]
    for f in items:
        cells = [
            f["rule_id"],
            f["severity"],
            f"{f['path']}:{f['line']}",
            f"`{_cell(f['snippet'])}`",
        ]
        if history:
            cells += [f["status"] + (" (suppressed)" if f["suppressed"] else ""), f["commit"][:12]]
        elif f["suppressed"]:
            cells[1] += " (suppressed)"
        lines.append(
            "| " + " | ".join(_cell(c) if i != 3 else c for i, c in enumerate(cells)) + " |"
        )
    return [*lines, ""]


def render_markdown(rows: Sequence[Row], mode: str) -> str:
    total = fleet_summary(rows)
    out = [
        "# secretcheck fleet report",
        "",
        f"Mode: `{mode}`. Repositories: {total['repositories']}, "
        f"not scanned (error rows): {total['error_rows']}.",
        "",
        "| Repository | Status | In HEAD | Present in history | Removed | Suppressed | Errors |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        s = row_summary(row)
        out.append(
            f"| {_cell(s['name'])} | {s['status']} | {s['head']} | {s['present']} | "
            f"{s['removed']} | {s['suppressed']} | {s['errors']} |"
        )
    out.append("")
    for row in rows:
        out += [f"## {_cell(row['name'])}", "", f"Source: `{_cell(row['source'])}`", ""]
        if row["status"] == "error":
            out += [f"**Error:** {_cell(row['error'])}", ""]
            continue
        if row.get("scan") is not None:
            out += _finding_lines("Findings in HEAD", row["scan"]["findings"], False)
        if row.get("history") is not None:
            out += _finding_lines("Secrets in history", row["history"]["secrets"], True)
    return "\n".join(out).rstrip("\n") + "\n"


def write_repo_folder(out_dir: Path, row: Row) -> None:
    """`repos/<name>/`: scan.json, scan.sarif, history.json or error.txt."""
    folder = out_dir / "repos" / row["name"]
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "scan.json": row.get("scan"),
        "scan.sarif": row.get("sarif"),
        "history.json": row.get("history"),
    }
    for name, document in files.items():
        if document is not None:
            text = json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
            (folder / name).write_text(text, encoding="utf-8")
    if row["status"] == "error":
        (folder / "error.txt").write_text(row["error"] + "\n", encoding="utf-8")


def write_reports(out_dir: Path, rows: Sequence[Row], mode: str) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in (
        ("fleet.json", render_json(rows, mode)),
        ("fleet.sarif", render_sarif(rows)),
        ("fleet.md", render_markdown(rows, mode)),
    ):
        (out_dir / name).write_text(text, encoding="utf-8")
        written.append(out_dir / name)
    return written
