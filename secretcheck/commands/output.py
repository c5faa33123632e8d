"""Where a command's words go: the one report writer, the colour decision, stderr notes and the
progress bars (files of a scan; tasks of `fleet` and batch `grade`).

- `write_report` is the only place a report reaches a file or stdout. It writes bytes encoded
  with `surrogateescape`, so a non-UTF-8 file name comes out as its own bytes on stdout and in
  `-o` alike (a text write to stdout raised UnicodeEncodeError). A target that exists and is not
  a regular file (a FIFO, a device, a folder) is refused: opening a FIFO with no reader blocks
  the run forever, and a device is never what a report path means.
- Colour: `--color/--no-color` wins; then NO_COLOR (https://no-color.org) switches it off and
  FORCE_COLOR on; otherwise colour only when the report goes to a terminal.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import click

from secretcheck.commands.common import fail
from secretcheck.safeio import open_text_for_writing

# A scan of fewer files than this is over before a bar would help; history always gets one.
PROGRESS_MIN_FILES = 200


def use_color(flag: bool | None, to_terminal: bool) -> bool:
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return to_terminal


def report_color(flag: bool | None, output: str | None) -> bool:
    """Colour for a report: only ever on stdout, never into a file unless asked for."""
    return use_color(flag, output is None and sys.stdout.isatty())


def write_report(report: str, output: str | None) -> None:
    """Write `report` to the file `output`, or to stdout; exit 2 with a one-line error when
    the file cannot be written."""
    data = report.encode("utf-8", "surrogateescape")
    if output is None:
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:  # a text-only stream (an embedding host): it gets escapes instead
            sys.stdout.write(data.decode("utf-8", "backslashreplace"))
        else:
            buffer.write(data)
            buffer.flush()
        return
    try:
        with open_text_for_writing(output, errors="surrogateescape") as handle:
            handle.write(report)
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")


@dataclass(frozen=True, slots=True)
class Console:
    """stderr for people: notes (hidden by -q), details (shown by -v), a progress bar."""

    quiet: int = 0
    verbose: int = 0

    def note(self, message: str) -> None:
        if not self.quiet:
            click.echo(f"secretcheck: {message}", err=True)

    def warn(self, message: str) -> None:
        """Shown even with -q: something the user must act on (a skipped file, a warning)."""
        if self.quiet < 2:
            click.echo(f"secretcheck: {message}", err=True)

    def detail(self, message: str) -> None:
        if self.verbose and not self.quiet:
            click.echo(f"secretcheck: {message}", err=True)

    def wants_progress(self) -> bool:
        return not self.quiet and sys.stderr.isatty()

    @contextmanager
    def progress(self, label: str) -> Iterator[Callable[[int], Callable[[int], None] | None]]:
        """A factory `start(total) -> tick` for the runner; the bar is drawn on stderr, only on
        a terminal, only without -q and only for work big enough to be worth watching."""
        bars: list[Any] = []

        def start(total: int) -> Callable[[int], None] | None:
            if not self.wants_progress() or total < PROGRESS_MIN_FILES:
                return None
            bar = click.progressbar(length=total, label=label, file=sys.stderr)
            bar.__enter__()
            bars.append(bar)
            return bar.update

        try:
            yield start
        finally:
            for bar in bars:
                bar.__exit__(None, None, None)

    @contextmanager
    def task_progress(
        self, label: str, total: int, lines: bool = True
    ) -> Iterator[Callable[[str, str], None]]:
        """`done(name, line)` once per finished task (a repository, a submission). On a
        terminal: a bar on stderr naming the last one done. Elsewhere: one plain line each,
        `label: [k/total] line`, when `lines` or -v (a log then shows how the run went);
        nothing with -q."""
        count = 0

        def plain(name: str, line: str) -> None:
            nonlocal count
            count += 1
            click.echo(f"{label}: [{count}/{total}] {line}", err=True)

        if self.quiet or (not sys.stderr.isatty() and not (lines or self.verbose)):
            yield lambda name, line: None
        elif not sys.stderr.isatty():
            yield plain
        else:
            with click.progressbar(
                length=total, label=label, file=sys.stderr, item_show_func=lambda n: n
            ) as bar:
                yield lambda name, line: bar.update(1, name)
