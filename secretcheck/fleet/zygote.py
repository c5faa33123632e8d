"""A warm process that forks one child per task, so a task gets a process of its own (its own
limits, a clean state, a group that can be killed) without paying for a Python start and the
grader's imports each time.

Grading a small submission takes about 0.1 s of CPU; starting `python -m ...` and importing the
grader takes about 0.5 s. `grade` at scale would spend most of its time starting interpreters,
so its tasks fork from a zygote instead: `python -m secretcheck.fleet.zygote SOCKET ENTRY`
imports ENTRY (`module:function`, a function from payload bytes to result bytes) once, then
for each connection on its Unix socket reads one framed payload and forks. The child starts
its own session, sends its pid, runs ENTRY, sends the framed result and ends its whole process
group (itself and any git it left). The caller (`run_forked`, in the executor's thread) waits
at most the task's time limit and kills the child's group past it.

One zygote per process that runs tasks (the CLI here, or each Dask worker), started on first
use and ended at exit; it also ends itself when its parent is gone. It reaps its children
(rather than letting the kernel discard them), so their CPU time reaches the caller's
accounting. Before serving, it calls the ENTRY module's `warm()` if there is one. The socket
lives in a private (0700) temporary folder, so only this user can ask it to fork. The zygote
is single threaded and imports nothing that starts threads, so forking it is safe.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib
import os
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable

from secretcheck.fleet.child import ChildOutcome, stopping, track_group, untrack_group

_FRAME = struct.Struct("!Q")
_ZYGOTES: dict[str, Zygote] = {}  # entry -> its zygote in this process (OS resources only)
_ZYGOTES_LOCK = threading.Lock()


class Zygote:
    def __init__(self, entry: str) -> None:
        self.folder = tempfile.mkdtemp(prefix="secretcheck-zygote-")
        self.address = os.path.join(self.folder, "socket")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "secretcheck.fleet.zygote", self.address, entry],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # the terminal's Ctrl-C is handled here, not there
        )
        assert self.process.stdout is not None
        if self.process.stdout.readline() != b"ready\n":
            self.close()
            raise OSError(f"the task process server for {entry} did not start")
        self.process.stdout.close()

    def close(self) -> None:
        """SIGTERM first, so the zygote reaps its last children (their CPU time then counts
        in ours); SIGKILL if it does not end."""
        with contextlib.suppress(ProcessLookupError):
            self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


def zygote_for(entry: str) -> Zygote:
    with _ZYGOTES_LOCK:
        zygote = _ZYGOTES.get(entry)
        if zygote is None or zygote.process.poll() is not None:
            zygote = _ZYGOTES[entry] = Zygote(entry)
        return zygote


@atexit.register
def close_zygotes() -> None:
    with _ZYGOTES_LOCK:
        for zygote in _ZYGOTES.values():
            zygote.close()
        _ZYGOTES.clear()


def run_forked(entry: str, payload: bytes, limit: float) -> ChildOutcome:
    """ENTRY(payload) in a fresh child of the zygote, killed past `limit` seconds."""
    if stopping():
        return ChildOutcome(stopped=True)
    address = zygote_for(entry).address  # its start (once) is not the task's time
    deadline = time.monotonic() + limit
    pid = 0
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
        try:
            conn.settimeout(limit)
            conn.connect(address)
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


def main() -> int:
    address, entry = sys.argv[1], sys.argv[2]
    module, name = entry.split(":")
    loaded = importlib.import_module(module)
    run = getattr(loaded, name)
    warm = getattr(loaded, "warm", None)
    if callable(warm):
        warm()  # fill lazy caches once, so that no child has to
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))  # close(): unwind, reap
    parent = os.getppid()
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(address)
        server.listen(64)
        server.settimeout(0.5)
        sys.stdout.write("ready\n")
        sys.stdout.flush()
        os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
        try:
            while os.getppid() == parent:  # reparented: the process that used it is gone
                _reap()
                try:
                    conn, _ = server.accept()
                except TimeoutError:
                    continue
                if os.fork() == 0:
                    try:
                        signal.signal(signal.SIGTERM, signal.SIG_DFL)
                        server.close()
                        _serve_one(conn, run)
                    finally:
                        os._exit(1)  # a child never returns into the zygote's loop
                conn.close()
        finally:
            _reap(block_for=5.0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
