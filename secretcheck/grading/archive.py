"""Unpack an untrusted submission archive (.zip, .tar, .tar.gz, .tgz) into a folder, safely.

Every entry is checked before a byte is written: absolute paths, drive letters, `..` parts and
links that point outside are refused; the total uncompressed size, the entry count and the
compression ratio are capped as the stream is read (headers can lie, so the caps are enforced on
the bytes actually produced, not only on the sizes an archive declares). Regular files are
written by this module itself, never by `extractall`, so no mode bits, owners, devices or links
come from the archive. Links that stay inside are not created, only listed. Nested archives are
written as plain files and never opened.
"""

from __future__ import annotations

import os
import stat
import tarfile
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from lzma import LZMAError
from pathlib import Path, PurePosixPath
from typing import IO

from secretcheck.errors import SecretcheckError

ARCHIVE_SUFFIXES = (".zip", ".tar", ".tar.gz", ".tgz")
# What Python's zipfile can decompress; anything else (deflate64 = 9) is refused by name.
_ZIP_METHODS = frozenset(
    {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
)
CHUNK = 64 * 1024


class ArchiveError(SecretcheckError):
    """An archive was refused; the message names the archive and the reason."""


@dataclass(frozen=True, slots=True)
class ArchiveLimits:
    max_total_bytes: int = 200 * 1024 * 1024
    max_files: int = 20_000
    max_ratio: float = 100.0  # uncompressed / compressed, whole archive and per zip entry
    min_ratio_bytes: int = 1024 * 1024  # below this much output a high ratio is harmless


@dataclass(slots=True)
class UnpackReport:
    files: int = 0
    bytes_written: int = 0
    skipped_links: list[str] = field(default_factory=list)


def is_archive(path: Path) -> bool:
    return path.is_file() and path.name.lower().endswith(ARCHIVE_SUFFIXES)


def safe_member_path(name: str, archive: str) -> PurePosixPath | None:
    """The relative path an entry may be written to; None for the archive's root folder."""
    cleaned = name.replace("\\", "/")
    if cleaned.startswith("/") or (len(cleaned) > 1 and cleaned[1] == ":"):
        raise ArchiveError(f"{archive}: refused: entry {name!r} has an absolute path")
    parts = [p for p in cleaned.split("/") if p not in ("", ".")]
    if ".." in parts:
        raise ArchiveError(f"{archive}: refused: entry {name!r} points outside ('..')")
    if any("\0" in p for p in parts):
        raise ArchiveError(f"{archive}: refused: entry {name!r} has a NUL byte")
    return PurePosixPath(*parts) if parts else None


def _check_link(member: PurePosixPath, target: str, archive: str, hard: bool) -> None:
    """Refuse a link whose target leaves the archive root."""
    base = PurePosixPath() if hard else member.parent
    cleaned = target.replace("\\", "/")
    if cleaned.startswith("/") or (len(cleaned) > 1 and cleaned[1] == ":"):
        raise ArchiveError(f"{archive}: refused: link {str(member)!r} points outside ({target!r})")
    depth = len(base.parts)
    for part in cleaned.split("/"):
        if part == "..":
            depth -= 1
        elif part not in ("", "."):
            depth += 1
        if depth < 0:
            raise ArchiveError(
                f"{archive}: refused: link {str(member)!r} points outside ({target!r})"
            )


class _Budget:
    def __init__(self, archive: str, limits: ArchiveLimits, compressed: int) -> None:
        self.archive, self.limits, self.compressed = archive, limits, max(compressed, 1)
        self.report = UnpackReport()

    def add_file(self, declared: int) -> None:
        self.report.files += 1
        if self.report.files > self.limits.max_files:
            raise ArchiveError(
                f"{self.archive}: refused: more than {self.limits.max_files} entries"
            )
        self._check(self.report.bytes_written + max(declared, 0))

    def add_bytes(self, count: int) -> None:
        self.report.bytes_written += count
        self._check(self.report.bytes_written)

    def _check(self, total: int) -> None:
        if total > self.limits.max_total_bytes:
            raise ArchiveError(
                f"{self.archive}: refused: uncompressed size exceeds "
                f"{self.limits.max_total_bytes} bytes (possible archive bomb)"
            )
        ratio = total / self.compressed
        if total > self.limits.min_ratio_bytes and ratio > self.limits.max_ratio:
            raise ArchiveError(
                f"{self.archive}: refused: compression ratio above {self.limits.max_ratio:g}"
                " (possible archive bomb)"
            )


def _write(dest: Path, rel: PurePosixPath, stream: IO[bytes], budget: _Budget) -> None:
    target = dest.joinpath(*rel.parts)
    root = dest.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    # Belt and braces: nothing we create is a link, but check the resolved folder anyway.
    if not target.parent.resolve().is_relative_to(root):
        raise ArchiveError(f"{budget.archive}: refused: entry {str(rel)!r} escapes the folder")
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(target, flags, 0o600)
    with os.fdopen(fd, "wb") as out:
        while chunk := stream.read(CHUNK):
            budget.add_bytes(len(chunk))
            out.write(chunk)


def _zip_entries(archive: Path, budget: _Budget) -> Iterator[tuple[PurePosixPath, IO[bytes]]]:
    name = budget.archive
    with zipfile.ZipFile(archive) as zf:
        infos = zf.infolist()
        if len(infos) > budget.limits.max_files:
            raise ArchiveError(f"{name}: refused: more than {budget.limits.max_files} entries")
        declared = sum(i.file_size for i in infos)
        if declared > budget.limits.max_total_bytes:
            raise ArchiveError(
                f"{name}: refused: declared uncompressed size {declared} bytes exceeds the cap"
            )
        for info in infos:
            rel = safe_member_path(info.filename, name)
            if rel is None or info.is_dir():
                continue
            if info.flag_bits & 0x1:  # zipfile would raise RuntimeError asking for a password
                raise ArchiveError(f"{name}: cannot unpack: entry {info.filename!r} is encrypted")
            if info.compress_type not in _ZIP_METHODS:  # deflate64, PPMd, ...: NotImplementedError
                raise ArchiveError(
                    f"{name}: cannot unpack: entry {info.filename!r} uses unsupported compression "
                    f"method {info.compress_type}"
                )
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode):
                _check_link(rel, zf.read(info).decode("utf-8", "replace"), name, hard=False)
                budget.report.skipped_links.append(str(rel))
                continue
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > budget.limits.min_ratio_bytes and ratio > budget.limits.max_ratio:
                raise ArchiveError(
                    f"{name}: refused: entry {info.filename!r} has compression ratio "
                    f"{ratio:.0f} (possible zip bomb)"
                )
            budget.add_file(info.file_size)
            with zf.open(info) as stream:
                yield rel, stream


def _tar_entries(archive: Path, budget: _Budget) -> Iterator[tuple[PurePosixPath, IO[bytes]]]:
    name = budget.archive
    # Stream mode: members are checked one by one as headers arrive, never all loaded first.
    with tarfile.open(archive, mode="r|*") as tf:
        for member in tf:
            rel = safe_member_path(member.name, name)
            if rel is None or member.isdir():
                continue
            if member.issym() or member.islnk():
                _check_link(rel, member.linkname, name, hard=member.islnk())
                budget.report.skipped_links.append(str(rel))
                continue
            if not member.isfile():
                continue  # devices, fifos: never created
            budget.add_file(member.size)
            stream = tf.extractfile(member)
            if stream is not None:
                yield rel, stream


def unpack_archive(archive: Path, dest: Path, limits: ArchiveLimits | None = None) -> UnpackReport:
    """Unpack `archive` into the existing empty folder `dest`; raise ArchiveError if refused.

    On refusal the caller deletes `dest`: everything written so far is inside it.
    """
    limits = limits or ArchiveLimits()
    shown = archive.name
    budget = _Budget(shown, limits, archive.stat().st_size)
    lower = archive.name.lower()
    try:
        if lower.endswith(".zip"):
            entries = _zip_entries(archive, budget)
        elif lower.endswith(ARCHIVE_SUFFIXES):
            entries = _tar_entries(archive, budget)
        else:
            raise ArchiveError(f"{shown}: not a supported archive ({', '.join(ARCHIVE_SUFFIXES)})")
        for rel, stream in entries:
            _write(dest, rel, stream, budget)
    except (
        zipfile.BadZipFile, tarfile.TarError, EOFError, OSError, zlib.error,
        RuntimeError, NotImplementedError, ValueError, LZMAError,
    ) as exc:  # fmt: skip
        # RuntimeError: encrypted entry; NotImplementedError: compression method; ValueError
        # and LZMAError: corrupt streams. All are "this archive cannot be read", never a crash.
        raise ArchiveError(f"{shown}: cannot unpack: {type(exc).__name__}: {exc}") from None
    return budget.report
