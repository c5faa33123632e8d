"""One repository, run where the task lands: a child process with a time and memory limit.

`run_task` is what an executor calls (a local thread, or a Dask worker thread on another
machine). It starts `python -m secretcheck.fleet.worker`, hands it the task on stdin and
waits at most the task's time limit; past it the child's whole process group (git included)
is killed and the row says so. The child caps its own address space (`RLIMIT_AS`, which its
git processes inherit) before importing the scanners, clones a URL with the hardened clone of
`gitcmd`, scans HEAD and/or the history with the repository treated as untrusted (its own
config, baseline and cache are not used; git runs isolated), and prints one JSON row.

Only already-rendered reports leave the child: findings carry redacted snippets and
fingerprints, never the matched value or file contents. An exception that is not a
`SecretcheckError` is reported by its type only, since its text could quote file content.
"""

from __future__ import annotations

import contextlib
import json
import os
import pickle
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from secretcheck.fleet.repos import RepoTask, shown_source
from secretcheck.settings import Settings

MODES = ("scan", "history", "both")
# The task processes this process started and has not reaped, so an interrupted run can end
# them (they run in their own sessions, out of reach of the terminal's Ctrl-C). Process-local
# bookkeeping of OS resources, not configuration: the one module-level mutable here.
_LIVE: set[subprocess.Popen[bytes]] = set()
_LIVE_LOCK = threading.Lock()
_STOPPING = threading.Event()  # set by kill_live_tasks: no new attempt starts after it
# Seconds past its time limit after which a task process ends itself (SIGALRM), should the
# process that was to kill it be gone.
BACKSTOP = 30


@dataclass(frozen=True, slots=True)
class Limits:
    time: float = 1800.0  # seconds of wall time per repository, clone included
    memory_mb: int = 4096  # address-space cap of the child (0: none)
    retries: int = 1  # extra attempts when the child dies without a row (not on timeout)


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
            if _STOPPING.is_set():
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
    child = subprocess.Popen(
        [sys.executable, "-m", "secretcheck.fleet.worker"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, so a kill reaches git too
    )
    with _LIVE_LOCK:
        _LIVE.add(child)
        if _STOPPING.is_set():  # started while the run was being interrupted
            os.killpg(child.pid, signal.SIGKILL)
    try:
        out, _err = child.communicate(payload, timeout=limit)
    except subprocess.TimeoutExpired:
        _kill_group(child)
        return error_row(task, f"time limit: not finished in {limit:g} s")
    finally:
        _kill_group(child)  # nothing it started outlives the task
        with _LIVE_LOCK:
            _LIVE.discard(child)
    try:
        row = json.loads(out)
    except ValueError:
        return None  # died (killed, crashed): retried
    return row if isinstance(row, dict) else None


def _kill_group(child: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(child.pid, signal.SIGKILL)
    if child.returncode is None:
        child.communicate()


def allow_tasks() -> None:
    """A new run in this process: attempts may start again after an earlier interruption."""
    _STOPPING.clear()


def kill_live_tasks() -> None:
    """End every task process (and its git) this process started: the run was interrupted."""
    with _LIVE_LOCK:
        _STOPPING.set()
        live = list(_LIVE)
    for child in live:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(child.pid, signal.SIGKILL)


def _cap_memory(megabytes: int) -> None:
    if megabytes <= 0:
        return
    import resource

    cap = megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


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
    _cap_memory(memory_mb)
    signal.alarm(int(limit) + BACKSTOP)
    from secretcheck.errors import SecretcheckError

    try:
        row = _scan_repo(task, settings, mode, Path(workdir))
    except SecretcheckError as exc:
        # The clone's temporary folder differs per run; the row names the source instead.
        row = error_row(task, str(exc).replace(str(Path(workdir) / "clone"), task.name))
    except MemoryError:
        row = error_row(task, f"memory limit: over {memory_mb} MB")
    except Exception as exc:
        # Under a tight cap an allocation failure often surfaces as another error (an
        # extension module that cannot load raises ImportError): say the cap was in force.
        capped = f" (with a memory cap of {memory_mb} MB)" if memory_mb > 0 else ""
        row = error_row(task, f"internal error: {type(exc).__name__}{capped}")
    sys.stdout.write(json.dumps(row, sort_keys=True, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
