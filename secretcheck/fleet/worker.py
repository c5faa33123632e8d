"""One repository, run where the task lands: a child process with a time and memory limit.

`run_task` is what an executor calls (a local thread, or a Dask worker thread on another
machine). It runs `python -m secretcheck.fleet.worker` through `child.run_child`, which kills
the child's process group past the task's time limit; the row then says so. The child caps
its own memory (`child.enter_limits`), clones a URL with the hardened clone of `gitcmd`,
scans HEAD and/or the history with the repository treated as untrusted (its own config,
baseline and cache are not used; git runs isolated), and prints one JSON row.

Only already-rendered reports leave the child: findings carry redacted snippets and
fingerprints, never the matched value or file contents. An exception that is not a
`SecretcheckError` is reported by its type only, since its text could quote file content.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import sys
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from secretcheck.fleet.child import Limits, enter_limits, memory_note, run_child, stopping
from secretcheck.fleet.repos import RepoTask, shown_source
from secretcheck.settings import Settings

__all__ = ["MODES", "Limits", "error_row", "run_task"]

MODES = ("scan", "history", "both")


def error_row(task: RepoTask, message: str) -> dict[str, Any]:
    return {
        "name": task.name,
        "source": shown_source(task.source),
        "status": "error",
        "error": message,
        "scan": None,
        "sarif": None,
        "history": None,
    }


def run_task(task: RepoTask, settings: Settings, mode: str, limits: Limits) -> dict[str, Any]:
    """The row of one repository; never raises for a problem of the repository itself."""
    limit = task.time_limit or limits.time
    workdir = Path(tempfile.mkdtemp(prefix="secretcheck-fleet-"))
    try:
        for _attempt in range(limits.retries + 1):
            if stopping():
                return error_row(task, "interrupted")
            row = _attempt_once(task, settings, mode, limits, limit, workdir)
            if row is not None:
                return row
            shutil.rmtree(workdir / "clone", ignore_errors=True)
        return error_row(task, f"worker process died {limits.retries + 1} time(s)")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _attempt_once(
    task: RepoTask, settings: Settings, mode: str, limits: Limits, limit: float, workdir: Path
) -> dict[str, Any] | None:
    payload = pickle.dumps((task, settings, mode, limits.memory_mb, str(workdir), limit))
    outcome = run_child("secretcheck.fleet.worker", payload, limit)
    if outcome.timed_out:
        return error_row(task, f"time limit: not finished in {limit:g} s")
    if outcome.stopped:
        return error_row(task, "interrupted")
    try:
        row = json.loads(outcome.out)
    except ValueError:
        return None  # died (killed, crashed): retried
    return row if isinstance(row, dict) else None


def _scan_repo(task: RepoTask, settings: Settings, mode: str, workdir: Path) -> dict[str, Any]:
    from secretcheck.api import load_rules, scan_paths
    from secretcheck.gitcmd import GitError, clone_repo, repo_root

    if task.is_url:
        try:
            root = clone_repo(task.source, workdir / "clone")
        except GitError as exc:
            raise GitError(str(exc).replace(task.source, shown_source(task.source))) from None
    else:
        root = Path(task.source)
        if not root.is_dir():
            return error_row(task, "not a folder (or not readable)")
    os.chdir(root)
    # The repository's own config, baseline and cache are not used: the run's settings rule.
    settings = replace(settings, paths=(".",), jobs=1, use_cache=False, baseline="")
    catalogue = load_rules(settings)
    row = error_row(task, "")
    row.update(status="ok", error=None)
    if mode in ("scan", "both"):
        from secretcheck.report.json import render as render_json
        from secretcheck.report.sarif import render as render_sarif

        if mode == "scan":
            repo_root(root, isolated=True)  # a folder that is not a repository is an error
        result = scan_paths(settings)
        row["scan"] = json.loads(render_json(result, catalogue, settings.fail_on, False))
        row["sarif"] = json.loads(render_sarif(result, catalogue, settings.fail_on, False))
    if mode in ("history", "both"):
        from secretcheck.history import scan_history
        from secretcheck.report.history import render_json as render_history

        history = scan_history(settings, cwd=root, isolated=True)
        row["history"] = json.loads(render_history(history, settings.fail_on))
    return row


def main() -> int:
    # stdin is the pickle `_attempt_once` in our parent process wrote (the task and the run's
    # settings), never data from the repository being scanned.
    payload = sys.stdin.buffer.read()
    unpickled = pickle.loads(payload)  # secretcheck: ignore[SC243]
    task, settings, mode, memory_mb, workdir, limit = unpickled
    enter_limits(memory_mb, limit, workdir)
    from secretcheck.errors import SecretcheckError

    try:
        row = _scan_repo(task, settings, mode, Path(workdir))
    except SecretcheckError as exc:
        # The clone's temporary folder differs per run; the row names the source instead.
        row = error_row(task, str(exc).replace(str(Path(workdir) / "clone"), task.name))
    except MemoryError:
        row = error_row(task, f"memory limit: over {memory_mb} MB")
    except Exception as exc:
        row = error_row(task, f"internal error: {type(exc).__name__}{memory_note(memory_mb)}")
    sys.stdout.write(json.dumps(row, sort_keys=True, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
