"""Opening the files a user names (`-o`, `--baseline`) without ever blocking.

A plain `open()` of a FIFO waits for the other end forever, and reading a device such as
`/dev/zero` never ends. These helpers open with `O_NONBLOCK`, check with `fstat` that the open
file is a regular file, and only then read or write it, so a wrong path is a one-line error.
"""

from __future__ import annotations

import errno
import fcntl
import os
import stat
from typing import TextIO

__all__ = ["NotRegularFile", "open_text_for_writing", "read_regular_text"]

_NONBLOCK = getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
# Far above any real baseline; a larger "file" is a mistake, not data to load.
MAX_READ = 256 * 1024 * 1024


class NotRegularFile(OSError):
    def __init__(self, path: str) -> None:
        super().__init__(errno.EINVAL, "not a regular file", path)


def _regular(fd: int, path: str) -> None:
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise NotRegularFile(path)


def open_text_for_writing(path: str, errors: str = "strict", newline: str | None = None) -> TextIO:
    """`open(path, "w")`, refusing a FIFO, a device or a socket instead of blocking on it."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | _NONBLOCK, 0o644)
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a FIFO nobody reads
            raise NotRegularFile(path) from None
        raise
    _regular(fd, path)
    os.ftruncate(fd, 0)
    fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~os.O_NONBLOCK)
    return os.fdopen(fd, "w", encoding="utf-8", errors=errors, newline=newline)


def read_regular_text(path: str, limit: int = MAX_READ) -> str:
    """The UTF-8 text of a regular file of at most `limit` bytes (OSError otherwise)."""
    fd = os.open(path, os.O_RDONLY | _NONBLOCK)
    _regular(fd, path)
    with os.fdopen(fd, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise OSError(errno.EFBIG, f"larger than {limit} bytes", path)
    return data.decode("utf-8")
