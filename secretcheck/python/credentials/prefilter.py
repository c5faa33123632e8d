"""Cheap text tests that decide whether a Python file is worth a parse at all.

Parsing and visiting cost far more than a regex pass (libcst took about a millisecond per ten
lines; the stdlib tree is cheaper, still not free); most files hold no credential-like name
next to a plausible literal. One whole-text regex finds `name <op> "literal"` shapes, and only
those whose name contains a credential word get Python-level work (identifier splitting and the
value judge), so a file like werkzeug's routing module is never parsed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import Any

import re2  # type: ignore[import-untyped]

from secretcheck.analysis.names import credential_words
from secretcheck.analysis.scoring import judge_value
from secretcheck.lazyre import LazyPattern
from secretcheck.python.textgate import GatedPattern

# A name, then an assignment, annotation, dict colon, keyword `=` or comparison, then (maybe
# inside a call such as `Field(default=` or on the next line) a literal: the shapes SC101 reads.
_CANDIDATE = re.compile(
    r"""(?P<name>[A-Za-z_][\w-]{0,80})['"]?\]?[ \t]*(?::[ \t]*[^=\n]{1,60})?[ \t]*"""
    r"""(?:==|!=|=|:)[ \t]*(?:[\w.]+\([ \t]*(?:default[ \t]*=[ \t]*)?)?[\[(]?[ \t]*\n?[ \t]*"""
    r"""(?:['"][^'"\n]*['"][ \t]*,[ \t]*){0,3}"""  # `user, password = "svc", "<lit>"`
    r"""[rRbBuU]{0,2}(?P<q>['"])(?P<v>[^'"\n\\]{4,})(?P=q)"""
)
_LITERAL = re.compile(r"""['"][^'"\n\\]{4,}['"]""")  # wider than `_CANDIDATE`'s value
_HINT = re.compile(r"(?i)pass|pwd|secret|token|key|cred|auth|conn")
_HINT_LOWER = re.compile(r"pass|pwd|secret|token|key|cred|auth|conn")


# The hint words in RE2, for ASCII text (where its offsets are the characters'): `re` read the
# lowered text at ~45 MB/s, ~25 ms of a flask+werkzeug scan. Both engines take the leftmost
# match, the first alternative there, and go on after it: the same matches.
@cache
def _hint_program() -> Any:
    options = re2.Options()
    options.log_errors = False
    return re2.compile(_HINT_LOWER.pattern, options)


@lru_cache(maxsize=1)
def lowered(text: str) -> str | None:
    """`text.lower()` when it keeps every offset (a few characters, such as U+0130, lower to
    two code points), else None. Kept for the file at hand: the credential prefilters ask it
    of the same text one after the other."""
    low = text.lower()
    return low if len(low) == len(text) else None


class LoweredPattern:
    """A case-insensitive prefilter that runs a lower-case regex over `text.lower()`.

    CPython's `re` folds case character by character under IGNORECASE, which defeats its
    literal fast paths: `(?i)(?:key|pass|...)` is several times slower than the same pattern
    over lowered text. Offsets are the original text's; only `start()`/`end()` are meant to be
    read from the matches. A prefilter may over-match, so folding case is always safe here.
    """

    def __init__(self, source: str) -> None:
        self.pattern = GatedPattern(source)
        # Only non-ASCII text that lowers to another length needs it: compiled then.
        self.fallback = LazyPattern(source, re.IGNORECASE)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        low = lowered(text)
        return self.pattern.finditer(low) if low is not None else self.fallback.finditer(text)

    def search(self, text: str) -> re.Match[str] | None:
        low = lowered(text)
        return self.pattern.search(low) if low is not None else self.fallback.search(text)


_NAME_START = re.compile(r"[A-Za-z_]")


def _name_before_operator(text: str, position: int, end: int) -> bool:
    """Whether `text[position:end]` (the rest of a line) can hold the name of a candidate:
    a name start with an `=` or `:` after it, both on this line, as `_CANDIDATE` requires.
    Without this test, the search for a second pair on a line ran through the first pair's
    value and on into the next line: ~160 us a line, 5 s on a file of 30k assignments."""
    last_operator = max(text.rfind("=", position, end), text.rfind(":", position, end))
    return last_operator > 0 and _NAME_START.search(text, position, last_operator) is not None


class CredentialLines:
    """A prefilter object (`search`, `finditer`) for the name-based Python check (SC101).

    Only lines holding a credential hint are examined (found in one pass over the lowered
    text): the candidate regex, which matches every `name = "literal"`, never runs elsewhere.
    """

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        low = lowered(text)
        hints: Iterator[Any]
        if low is None:
            hints = _HINT.finditer(text)
        elif text.isascii():
            hints = _hint_program().finditer(low.encode("ascii"))
        else:
            hints = _HINT_LOWER.finditer(low)
        done = -1  # end of the last line examined
        for hint in hints:
            if hint.start() < done:
                continue
            start = text.rfind("\n", 0, hint.start()) + 1
            end = text.find("\n", hint.end())
            end = len(text) if end < 0 else end
            # The value may sit on the next line (`password = (\n "..."`): look one further.
            window = text.find("\n", end + 1)
            window = len(text) if window < 0 else window
            done = end + 1
            # Every candidate holds a quoted literal inside the window: most hint lines
            # (`def get_key(self):`) have none, and the candidate regex is the costly part.
            if text.find('"', start, window) < 0 and text.find("'", start, window) < 0:
                continue
            # ...and a literal of four characters or more, as `_CANDIDATE`'s value: a third of
            # the hint lines that hold a quote hold none (`d.get("id")`, `f'{key}'`)
            if _LITERAL.search(text, start, window) is None:
                continue
            yield from self._line(text, start, end, window)

    @staticmethod
    def _line(text: str, start: int, end: int, window: int) -> Iterator[re.Match[str]]:
        position = start
        # Overlapping search: `{"user": "alice", "password": "..."}` must not let the first
        # pair's match swallow the second.
        while _name_before_operator(text, position, end) and (
            match := _CANDIDATE.search(text, position, window)
        ) is not None:
            if match.start("name") > end:
                return
            position = match.end("name")
            name, value = match.group("name"), match.group("v")
            if _HINT.search(name) and credential_words(name) and judge_value(value) is None:
                yield match

    def search(self, text: str) -> bool:
        return next(self.finditer(text), None) is not None


_ARGUMENT_HINT = re.compile(r"""['"]|\b[A-Z][A-Z0-9_]{2,}\b""")
_CONSTANT_HINT = re.compile(r"\b[A-Z][A-Z0-9_]{2,}\b")


class SinkLines:
    """Sink calls that can be fed a literal: the call's line, or the next, holds a quote or a
    CONSTANT_CASE name (a module constant). `hmac.new(key, msg)` with only variables around is
    not worth parsing a module for: a literal cannot reach it from there.
    """

    def __init__(self, source: str, literals: bool = True) -> None:
        """`literals=False`: only a CONSTANT_CASE name counts, not a quote."""
        self.sinks = LoweredPattern(source)
        self.hint = _ARGUMENT_HINT if literals else _CONSTANT_HINT

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        for match in self.sinks.finditer(text):
            end = text.find("\n", match.end())
            end = text.find("\n", end + 1) if end >= 0 else len(text)
            if self.hint.search(text, match.end(), end if end >= 0 else len(text)):
                yield match

    def search(self, text: str) -> re.Match[str] | None:
        return next(self.finditer(text), None)
