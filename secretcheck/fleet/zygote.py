"""A warm process that forks one child per task, so a task gets a process of its own (its own
limits, a clean state, a group that can be killed) without paying for a Python start and the
grader's imports each time.

Grading a small submission takes about 0.1 s of CPU; starting `python -m ...` and importing the
grader takes about 0.5 s. `grade` at scale would spend most of its time starting interpreters,
so its tasks fork from a zygote instead: `python -m secretcheck.fleet.zygote FD KIND` imports
the task function of KIND (from payload bytes to result bytes; `task_kind` lists them, by
name, so nothing from the command line is imported) once, then forks once for each socket it
is handed. The child starts its own session, sends its pid on
that socket, reads the framed payload, runs the task, sends the framed result and ends its whole
process group (itself and any git it left). The caller (`run_forked`, in the executor's
thread) waits at most the task's time limit and kills the child's group past it.

One zygote per process that runs tasks (the CLI here, or each Dask worker), started on first
use and ended at exit. It is reached only through a socket pair made by its parent (inherited
descriptor; each task's socket passed over it with SCM_RIGHTS), never a path another user
could connect to, and it ends itself when that socket closes (its parent is gone). It reaps
its children (rather than letting the kernel discard them), so their CPU time reaches the
caller's accounting. Before serving, it runs the kind's warm-up, if it has one.
The zygote is single threaded and imports nothing that starts threads, so forking it is safe.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable

from secretcheck.fleet.child import ChildOutcome, stopping, track_group, untrack_group

_FRAME = struct.Struct("!Q")
_ZYGOTES: dict[str, Zygote] = {}  # kind -> its zygote in this process (OS resources only)
_ZYGOTES_LOCK = threading.Lock()


class Zygote:
    def __init__(self, kind: str) -> None:
        self.control, theirs = socket.socketpair()
        self.lock = threading.Lock()  # one hand-over at a time on the control socket
        self.process = subprocess.Popen(
            [sys.executable, "-m", "secretcheck.fleet.zygote", str(theirs.fileno()), kind],
            pass_fds=(theirs.fileno(),),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # the terminal's Ctrl-C is handled here, not there
        )
        theirs.close()
        self.control.settimeout(300)  # importing and warming, on a loaded machine
        try:
            ready = self.control.recv(1)
        except OSError:
            ready = b""
        if ready != b"R":
            self.close()
            raise OSError(f"the task process server for {kind} did not start")
        self.control.settimeout(None)

    def hand_over(self, conn: socket.socket) -> None:
        """Give the zygote one end of a task's socket pair: it forks a child to serve it."""
        with self.lock:
            socket.send_fds(self.control, [b"T"], [conn.fileno()])

    def close(self) -> None:
        """Closing the control socket ends the zygote after it has reaped its last children
        (their CPU time then counts in ours); SIGKILL if it does not end."""
        self.control.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def zygote_for(kind: str) -> Zygote:
    with _ZYGOTES_LOCK:
        zygote = _ZYGOTES.get(kind)
        if zygote is None or zygote.process.poll() is not None:
            zygote = _ZYGOTES[kind] = Zygote(kind)
        return zygote


@atexit.register
def close_zygotes() -> None:
    with _ZYGOTES_LOCK:
        for zygote in _ZYGOTES.values():
            zygote.close()
        _ZYGOTES.clear()


def run_forked(kind: str, payload: bytes, limit: float) -> ChildOutcome:
    """The task of `kind` on `payload` in a fresh child of the zygote, killed past `limit` s."""
    if stopping():
        return ChildOutcome(stopped=True)
    zygote = zygote_for(kind)  # its start (once) is not the task's time
    deadline = time.monotonic() + limit
    pid = 0
    conn, theirs = socket.socketpair()
    with conn:
        try:
            with theirs:
                zygote.hand_over(theirs)
            conn.settimeout(limit)
            conn.sendall(_FRAME.pack(len(payload)) + payload)
            (pid,) = _FRAME.unpack(_recv_exactly(conn, _FRAME.size, deadline))
            track_group(pid)
            (size,) = _FRAME.unpack(_recv_exactly(conn, _FRAME.size, deadline))
            return ChildOutcome(out=_recv_exactly(conn, size, deadline))
        except TimeoutError:
            return ChildOutcome(timed_out=True)
        except (EOFError, OSError):
            return ChildOutcome()  # died before it finished: the caller may retry
        finally:
            if pid:
                untrack_group(pid)
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(pid, signal.SIGKILL)  # nothing it started outlives the task


def _recv_exactly(conn: socket.socket, size: int, deadline: float) -> bytes:
    chunks, have = [], 0
    while have < size:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError
        conn.settimeout(remaining)
        chunk = conn.recv(min(size - have, 1 << 20))
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        have += len(chunk)
    return b"".join(chunks)


def _serve_one(conn: socket.socket, run: Callable[[bytes], bytes]) -> None:
    """In the forked child: a session of its own, the pid, the result, then the group ends."""
    os.setsid()  # from here on, group 0 is this task alone, never the zygote's
    try:
        conn.settimeout(None)
        conn.sendall(_FRAME.pack(os.getpid()))
        payload = _recv_framed(conn)
        out = run(payload)
        conn.sendall(_FRAME.pack(len(out)) + out)
    finally:
        os.killpg(0, signal.SIGKILL)


def _recv_framed(conn: socket.socket) -> bytes:
    deadline = time.monotonic() + 60
    (size,) = _FRAME.unpack(_recv_exactly(conn, _FRAME.size, deadline))
    return _recv_exactly(conn, size, deadline)


def _reap(block_for: float = 0.0) -> None:
    """Wait for finished children (so their CPU time counts in this process's, and so in the
    caller's accounting); with `block_for`, until none is left or that many seconds pass."""
    deadline = time.monotonic() + block_for
    while True:
        try:
            pid, _status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return  # none left
        if pid == 0:
            if time.monotonic() >= deadline:
                return
            time.sleep(0.02)


def task_kind(kind: str) -> tuple[Callable[[bytes], bytes], Callable[[], None] | None]:
    """The task function and warm-up of each kind a zygote can run."""
    if kind == "grade":
        from secretcheck.fleet import grade_task

        return grade_task.graded_bytes, grade_task.warm
    raise SystemExit(f"unknown task kind: {kind}")


def main() -> int:
    control = socket.socket(fileno=int(sys.argv[1]))
    run, warm = task_kind(sys.argv[2])
    if warm is not None:
        warm()  # fill lazy caches once, so that no child has to
    control.sendall(b"R")
    control.settimeout(0.5)
    try:
        while True:
            _reap()
            try:
                message, fds, _flags, _addr = socket.recv_fds(control, 1, 1)
            except TimeoutError:
                continue
            if not message:
                break  # the parent closed the control socket, or is gone
            for fd in fds[1:]:
                os.close(fd)
            if not fds:
                continue
            conn = socket.socket(fileno=fds[0])
            if os.fork() == 0:
                try:
                    control.close()
                    _serve_one(conn, run)
                finally:
                    os._exit(1)  # a child never returns into the zygote's loop
            conn.close()
    finally:
        _reap(block_for=5.0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
