"""One task in a child process with a time and memory limit: shared by fleet and grade.

`run_child` starts `python -m <module>`, hands it a pickled payload on stdin and waits at most
the task's time limit; past it the child's whole process group (git included) is killed. The
child calls `enter_limits` first: it caps its own address space (`RLIMIT_AS`, which its git
processes inherit), arms a backstop alarm, and points `tempfile` at the task's own folder, so
whatever it unpacks is removed by the parent even when the child is killed.

Whatever runs a task (a local thread, a Dask worker thread on another machine) calls this, so
the limits hold on the machine that does the work, under either executor.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass

# The task processes this process started and has not reaped, so an interrupted run can end
# them (they run in their own sessions, out of reach of the terminal's Ctrl-C). Process-local
# bookkeeping of OS resources, not configuration: the one module-level mutable state here.
_LIVE: set[subprocess.Popen[bytes]] = set()
_LIVE_GROUPS: set[int] = set()  # process groups of tasks forked by a zygote (zygote.py)
_LIVE_LOCK = threading.Lock()
_STOPPING = threading.Event()  # set by kill_live_tasks: no new attempt starts after it
# Seconds past its time limit after which a task process ends itself (SIGALRM), should the
# process that was to kill it be gone.
BACKSTOP = 30


@dataclass(frozen=True, slots=True)
class Limits:
    time: float = 1800.0  # seconds of wall time per task, clone or unpacking included
    memory_mb: int = 4096  # address-space cap of the child (0: none)
    retries: int = 1  # extra attempts when the child dies without a result (not on timeout)


@dataclass(frozen=True, slots=True)
class ChildOutcome:
    """What one attempt left: the child's stdout, or that it ran out of time or was stopped."""

    out: bytes = b""
    timed_out: bool = False
    stopped: bool = False  # the run was interrupted before or while it ran


def stopping() -> bool:
    return _STOPPING.is_set()


def run_child(module: str, payload: bytes, limit: float) -> ChildOutcome:
    if _STOPPING.is_set():
        return ChildOutcome(stopped=True)
    child = subprocess.Popen(
        [sys.executable, "-m", module],
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
        return ChildOutcome(timed_out=True)
    finally:
        _kill_group(child)  # nothing it started outlives the task
        with _LIVE_LOCK:
            _LIVE.discard(child)
    return ChildOutcome(out=out)


def _kill_group(child: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(child.pid, signal.SIGKILL)
    if child.returncode is None:
        child.communicate()


def allow_tasks() -> None:
    """A new run in this process: attempts may start again after an earlier interruption."""
    _STOPPING.clear()


def track_group(pgid: int) -> None:
    with _LIVE_LOCK:
        _LIVE_GROUPS.add(pgid)
        if _STOPPING.is_set():  # started while the run was being interrupted
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(pgid, signal.SIGKILL)


def untrack_group(pgid: int) -> None:
    with _LIVE_LOCK:
        _LIVE_GROUPS.discard(pgid)


def kill_live_tasks() -> None:
    """End every task process (and its git) this process started: the run was interrupted."""
    with _LIVE_LOCK:
        _STOPPING.set()
        groups = [child.pid for child in _LIVE] + list(_LIVE_GROUPS)
    for group in groups:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(group, signal.SIGKILL)


def enter_limits(memory_mb: int, limit: float, workdir: str) -> None:
    """In the child, before any analysis: the memory cap, the backstop alarm, the temp folder."""
    if memory_mb > 0:
        import resource

        cap = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    signal.alarm(int(limit) + BACKSTOP)
    tempfile.tempdir = workdir


def memory_note(memory_mb: int) -> str:
    """Under a tight cap an allocation failure often surfaces as another error (an extension
    module that cannot load raises ImportError): an error row says the cap was in force."""
    return f" (with a memory cap of {memory_mb} MB)" if memory_mb > 0 else ""
