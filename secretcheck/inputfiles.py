"""Reading the tool's own input files (config, rule packs, baselines) without trusting them.

These files may come from the repository being scanned, so each read is bounded: the path must
be a regular file (a FIFO, device or folder is refused instead of blocking or never ending, as
`baseline = "/dev/zero"` did), at most `limit` bytes are read, and the text must be UTF-8. The
caller turns `InputFileError` into its own error naming the file and, where there is one, the key.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

# A config file or one rule-pack file is hand-written text; megabytes of it are an attack.
CONFIG_LIMIT = 1024 * 1024
# A baseline holds about 150 bytes an entry: this is some 400 000 accepted findings.
BASELINE_LIMIT = 64 * 1024 * 1024


class InputFileError(Exception):
    """The file cannot be used; the message says why in a few words, without its content."""


def read_head(path: str | Path, limit: int) -> bytes:
    """The first `limit` bytes (or fewer) of the regular file at `path`: enough to sniff."""
    return _read(path, limit, truncate=True)


def read_bytes(path: str | Path, limit: int) -> bytes:
    """The whole regular file at `path` if it holds at most `limit` bytes, or `InputFileError`."""
    return _read(path, limit, truncate=False)


def _read(path: str | Path, limit: int, truncate: bool) -> bytes:
    try:
        # O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise InputFileError("does not exist") from None
    except IsADirectoryError:
        raise InputFileError("is a folder, not a file") from None
    except OSError as exc:
        raise InputFileError(f"cannot open: {exc.strerror or type(exc).__name__}") from None
    try:
        # Checked on the open descriptor, so a swap after a path check changes nothing.
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise InputFileError("is a folder, not a file")
        if not stat.S_ISREG(mode):
            raise InputFileError("is not a regular file")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise InputFileError(f"cannot read: {exc.strerror or type(exc).__name__}") from None
    finally:
        os.close(fd)
    if size > limit and truncate:
        return b"".join(chunks)[:limit]
    if size > limit:
        raise InputFileError(f"is larger than {limit} bytes")
    return b"".join(chunks)


def read_text(path: str | Path, limit: int) -> str:
    """The UTF-8 text of the regular file at `path`, or `InputFileError`."""
    data = read_bytes(path, limit)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputFileError(f"is not UTF-8 (invalid byte at offset {exc.start})") from None


__all__ = [
    "BASELINE_LIMIT",
    "CONFIG_LIMIT",
    "InputFileError",
    "read_bytes",
    "read_head",
    "read_text",
]
