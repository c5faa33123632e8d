"""Rule-pack regexes on RE2: matching time linear in the text, whatever the pattern.

A rule pack can come from the scanned repository itself (`rule-paths`), so its patterns are
untrusted: with Python's backtracking `re`, `(?P<secret>(a+)+)$` on 40 `a`s and a `!` runs for
minutes. RE2 (`google-re2`) has no backtracking, so no pattern can do that.

RE2 has no lookarounds. The one shape token formats need, "not preceded / not followed by a
token character", is kept: a leading `(?<![class])` and a trailing `(?![class])` around the
whole pattern become a consumed `(?:\\A|[^class])` / `(?:[^class]|\\z)`, and the match reported is
the part between them. The next search resumes where that inner part ended, so two tokens
separated by one character are both found, as with `re.finditer`. Any other lookaround or a
backreference does not compile, and the pack is rejected naming the file and key.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import re2  # type: ignore[import-untyped]

__all__ = ["LinearMatch", "LinearPattern", "PatternError", "compile_linear"]

# One character class, escapes allowed: what a boundary lookaround may hold.
_CLASS = r"\[\^?\]?(?:\\.|[^\]\\])*\]"
_LEAD = re.compile(rf"\(\?<!({_CLASS})\)")
_TRAIL = re.compile(rf"\(\?!({_CLASS})\)\Z")
_FLAGS = re.compile(r"\(\?[imsx]+\)")
_CONTINUATION = bytes(range(0x80, 0xC0))  # UTF-8 continuation bytes: not characters


class PatternError(ValueError):
    """A pattern RE2 cannot run in linear time (lookaround, backreference, bad syntax)."""


def _negate(char_class: str) -> str:
    return "[" + char_class[2:] if char_class.startswith("[^") else "[^" + char_class[1:]


def _top_level_alternation(body: str) -> bool:
    """True if `body` has a `|` outside every group and class (`a|b`, not `(a|b)`)."""
    depth, i, in_class = 0, 0, False
    while i < len(body):
        char = body[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            i += 2 if body[i + 1 : i + 3] == "^]" else 1 if body[i + 1 : i + 2] == "]" else 0
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
        i += 1
    return False


@dataclass(frozen=True, slots=True)
class LinearMatch:
    """Character offsets of one match and its groups (None for a group that did not take part)."""

    spans: tuple[tuple[int, int] | None, ...]
    groupindex: dict[str, int]
    text: str

    def _index(self, group: int | str) -> int:
        return self.groupindex[group] if isinstance(group, str) else group

    def span(self, group: int | str = 0) -> tuple[int, int]:
        found = self.spans[self._index(group)]
        return found if found is not None else (-1, -1)

    def group(self, group: int | str = 0) -> str | None:
        found = self.spans[self._index(group)]
        return None if found is None else self.text[found[0] : found[1]]


class _Offsets:
    """UTF-8 byte offsets -> str offsets, counted from the offset asked before (linear overall:
    matches come in order, and a match's own offsets are sorted)."""

    def __init__(self, encoded: bytes, ascii_only: bool) -> None:
        self.encoded, self.ascii_only = encoded, ascii_only
        self.byte, self.char = 0, 0

    def to_char(self, offset: int) -> int:
        if self.ascii_only:
            return offset
        lo, hi = sorted((self.byte, offset))
        chars = len(self.encoded[lo:hi].translate(None, _CONTINUATION))
        self.char += chars if offset >= self.byte else -chars
        self.byte = offset
        return self.char


def _char_start(encoded: bytes, end: int) -> int:
    """Start of the UTF-8 character that ends at `end`."""
    start = end - 1
    while start > 0 and encoded[start] in _CONTINUATION:
        start -= 1
    return start


class LinearPattern:
    """A compiled rule regex with the subset of `re.Pattern` the engines use.

    Group 1 of the RE2 program is the whole inner pattern (between the boundaries), so the
    pattern's own group k is RE2's group k + 1."""

    def __init__(self, pattern: str, ignore_case: bool = False) -> None:
        self._prepare(pattern, ignore_case)
        self._compiled: Any = _compile(self._program)
        self.groupindex: dict[str, int] = {k: v - 1 for k, v in self._compiled.groupindex.items()}
        self.groups: int = self._compiled.groups - 1

    @classmethod
    def checked_before(
        cls, pattern: str, ignore_case: bool, groupindex: dict[str, int], groups: int
    ) -> LinearPattern:
        """A pattern an earlier run compiled and validated (the rule catalogue cache): RE2
        compiles it when it is first searched. A catalogue holds ~300 patterns and a file's
        keywords select a few, so compiling all of them was most of a one-file scan's rule
        loading. It is still RE2 that runs it, so the linear-time guarantee is unchanged."""
        self = cls.__new__(cls)
        self._prepare(pattern, ignore_case)
        self._compiled = None
        self.groupindex, self.groups = dict(groupindex), groups
        return self

    def _prepare(self, pattern: str, ignore_case: bool) -> None:
        self.pattern, self.ignore_case = pattern, ignore_case
        body, flags = pattern, ""
        while (found := _FLAGS.match(body)) is not None:
            flags, body = flags + found.group(), body[found.end() :]
        lead = _LEAD.match(body)
        if lead:
            body = body[lead.end() :]
        trail = _TRAIL.search(body)
        if trail:
            body = body[: trail.start()]
        if (lead or trail) and _top_level_alternation(body):
            raise PatternError("a lookaround must guard the whole pattern: group the alternatives")
        self._lead = lead is not None
        self._program = "".join(
            (
                "(?m)",
                "(?i)" if ignore_case else "",
                flags,
                f"(?:\\A|{_negate(lead.group(1))})" if lead else "",
                f"({body})",
                f"(?:{_negate(trail.group(1))}|\\z)" if trail else "",
            )
        )

    @property
    def _regex(self) -> Any:
        if self._compiled is None:
            self._compiled = _compile(self._program)
        return self._compiled

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, LinearPattern):
            return NotImplemented
        return (self.pattern, self.ignore_case) == (other.pattern, other.ignore_case)

    def __hash__(self) -> int:
        return hash((self.pattern, self.ignore_case))

    def finditer(self, text: str) -> Iterator[LinearMatch]:
        encoded = text.encode("utf-8", "surrogatepass")
        offsets = _Offsets(encoded, len(encoded) == len(text))
        pos = floor = 0  # search from `pos`; a match must start at or after `floor`
        while pos <= len(encoded):
            found = self._regex.search(encoded, pos)
            if found is None:
                return
            start, end = found.span(1)
            if start < floor:  # the \A branch again, or an empty match already reported
                pos = found.span()[0] + 1
                continue
            spans: list[tuple[int, int] | None] = []
            for group in range(1, self._regex.groups + 1):
                span = found.span(group)
                spans.append(None if span == (-1, -1) else span)
            chars = {o: offsets.to_char(o) for o in sorted({o for s in spans if s for o in s})}
            yield LinearMatch(
                tuple((chars[s[0]], chars[s[1]]) if s else None for s in spans),
                self.groupindex,
                text,
            )
            floor = end if end > start else end + 1
            # A consumed lead needs the character before the next inner match.
            pos = _char_start(encoded, floor) if self._lead and floor > 0 else floor

    def search(self, text: str) -> LinearMatch | None:
        return next(self.finditer(text), None)


def _compile(program: str) -> Any:
    try:
        return re2.compile(program, _options())
    except re2.error as exc:
        reason = exc.args[0] if exc.args else exc
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        raise PatternError(str(reason)) from None


def _options() -> Any:
    options = re2.Options()
    options.log_errors = False  # the error comes back as an exception; no stderr noise
    return options


def compile_linear(pattern: str, ignore_case: bool = False) -> LinearPattern:
    return LinearPattern(pattern, ignore_case)
