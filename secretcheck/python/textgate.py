"""Prefilter regexes that answer "no" in RE2 before Python's `re` is asked anything.

Most files match none of a check's prefilter, and `re` runs an alternation that starts with
`\\b` (`\\b(?:md5|sha1|...)\\b`) at a few MB/s; RE2's automaton reads the same text 20-30x
faster. So the RE2 program decides whether a file can match at all, and only then does `re`
produce the matches whose offsets the engine reads: results are exactly `re`'s.

For that, the gate must match wherever `re` does (more is allowed: it only costs a `re` run).
RE2's `\\w`, `\\s` and `\\d` are ASCII and its `\\s` lacks `\\v` and `\\x1c-\\x1f`, so the gate
spells them out with those characters and every non-ASCII one added (`gate_source`). What that
cannot widen (`\\W`, `\\S`, `\\D`, `\\B`, a class escape in a negated class, `(?i)`, whose case
folding may differ) is still safe on ASCII text: such a pattern is gated on ASCII text only.
`\\b` is used next to word characters only, where RE2 sees a boundary wherever `re` does. A
lookaround, which RE2 lacks, is left out of the gate by the caller (`gate=`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import re2  # type: ignore[import-untyped]

from secretcheck.lazyre import LazyPattern

_NON_ASCII = r"\x{80}-\x{10FFFF}"
_WIDER = {"w": rf"\w{_NON_ASCII}", "d": rf"\d{_NON_ASCII}",
          "s": rf"\s\x0b\x1c-\x1f{_NON_ASCII}"}  # fmt: skip


def gate_source(source: str) -> tuple[str, bool]:
    """`source` for RE2 with `\\w`, `\\d`, `\\s` widened to at least `re`'s meaning, and
    whether the result is exact only on ASCII text (see the module docstring)."""
    out: list[str] = []
    ascii_only = False
    in_class = negated = False
    i = 0
    while i < len(source):
        char = source[i]
        if char == "\\" and i + 1 < len(source):
            escape = source[i + 1]
            if escape in _WIDER and not negated:
                out.append(_WIDER[escape] if in_class else f"[{_WIDER[escape]}]")
            else:
                ascii_only = ascii_only or escape in "WSDB" or (negated and escape in "wsd")
                out.append(source[i : i + 2])
            i += 2
            continue
        if in_class and char == "]":
            in_class = negated = False
        elif not in_class and char == "[":
            in_class, negated = True, source[i + 1 : i + 2] == "^"
            if negated or source[i + 1 : i + 2] == "]":  # `[^` or a leading literal `]`
                out.append(source[i : i + 2])
                i += 2
                continue
        out.append(char)
        i += 1
    return "".join(out), ascii_only


# A global inline flag group (`(?im)`); in Python 3.11 these may only open the expression.
_GLOBAL_FLAGS = re.compile(r"\(\?([aiLmsux]+)\)")


def ignores_case(source: str) -> bool:
    """`bool(re.compile(source).flags & re.IGNORECASE)`, read from the text: compiling the
    `re` pattern only to learn this was ~9 ms of start-up for gates that answer "no"."""
    at = 0
    while found := _GLOBAL_FLAGS.match(source, at):
        if "i" in found.group(1):
            return True
        at = found.end()
        while at < len(source) and source[at].isspace():  # verbose mode allows space between
            at += 1
    return False


_LOOKAROUND_OPENERS = ("(?=", "(?!", "(?<=", "(?<!")


def without_lookarounds(source: str) -> str:
    """`source` with its look-aheads and look-behinds left out, nested groups, escapes and
    classes included: a wider pattern (an assertion only ever rules a match out), for a gate
    (`gate=`), since RE2 has none."""
    out: list[str] = []
    depth = 0  # > 0: inside a lookaround, at this nesting
    in_class = False
    i = 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            piece = source[i : i + 2]
        elif in_class:
            piece = char
            in_class = char != "]"
        elif char == "[":
            # `[]...]` and `[^]...]` hold a literal `]`
            piece = next((o for o in ("[^]", "[]") if source.startswith(o, i)), char)
            in_class = True
        elif char == "(" and (depth or source.startswith(_LOOKAROUND_OPENERS, i)):
            depth += 1
            piece = char
        elif char == ")" and depth:
            depth -= 1
            piece = char
            if not depth:
                i += 1
                continue
        else:
            piece = char
        if not depth:
            out.append(piece)
        i += len(piece)
    return "".join(out)


def _compile_gate(source: str) -> Any:
    options = re2.Options()
    options.log_errors = False
    return re2.compile(source, options)


class GatedPattern:
    """`search`/`finditer` of `re.compile(source)`, skipped when RE2 finds no match of `gate`
    (default: `source` itself)."""

    def __init__(self, source: str, gate: str | None = None) -> None:
        # Compiled when first searched: a check's words or substrings rule out most files
        # first, and compiling every prefilter was part of every run's start-up.
        self.pattern = source
        self.regex = LazyPattern(source)
        self._gate_source = source if gate is None else gate
        self._gate: Any = None
        self._ascii_only = False
        self._empty: bool | None = None  # does the gate match the empty text (`first`)?

    def _program(self) -> Any:
        if self._gate is None:
            program, ascii_only = gate_source(self._gate_source)
            self._ascii_only = ascii_only or ignores_case(self.pattern)
            self._gate = _compile_gate(program)
        return self._gate

    def first_offset(self, text: str) -> int:
        """-1 if `re` cannot match `text`, else an offset no `re` match starts before.

        On ASCII text that is where RE2's leftmost match of the gate starts: the gate matches
        wherever `re` does, so `re` has nothing to find before it, and `re` is run from there
        (a look-behind or `\\b` still sees the text before: `pos`, not a slice). Elsewhere 0:
        a byte offset is not a character offset there."""
        gate = self._program()
        if self._ascii_only and not text.isascii():
            return 0
        # Bytes, not str: a decoded file may hold lone surrogates, which RE2's str path rejects.
        encoded = text.encode("utf-8", "surrogatepass")
        found = gate.search(encoded)
        if found is None:
            return -1
        return int(found.start()) if len(encoded) == len(text) else 0

    def may_match(self, text: str) -> bool:
        return self.first_offset(text) >= 0

    def search(self, text: str) -> re.Match[str] | None:
        at = self.first_offset(text)
        return self.regex.search(text, at) if at >= 0 else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        at = self.first_offset(text)
        return self.regex.finditer(text, at) if at >= 0 else iter(())

    def first(self, text: str) -> re.Match[str] | None:
        """`search`, with `re` tried only where the gate starts a match, not run over the text
        between them: for a pattern `re` reads slowly (one opening with a look-behind reads at
        ~20 MB/s) whose gate matches seldom. After `_CANDIDATES` starts that hold no match
        (text made of near misses), `re` searches the rest itself, as `search` would."""
        gate = self._program()
        if self._empty is None:  # a gate matching "" (all lookarounds) would try every offset
            self._empty = gate.search(b"") is not None
        if self._empty or not text.isascii():  # (elsewhere a byte is not a character offset)
            return self.search(text)
        encoded = text.encode("ascii")
        regex = self.regex.compiled
        at = 0
        for _ in range(_CANDIDATES):
            found = gate.search(encoded, at)
            if found is None:
                return None
            match = regex.match(text, found.start())  # the text before it still in view
            if match is not None:
                return match
            at = found.start() + 1
        return regex.search(text, at)


# How many gate matches `GatedPattern.first` tries `re` at before it lets `re` search alone.
_CANDIDATES = 32


def gated_without_lookarounds(source: str) -> GatedPattern | None:
    """`source` gated by itself with its lookarounds left out (`without_lookarounds`), the
    gate compiled now; None when RE2 cannot read even that (`re` must then run alone)."""
    gated = GatedPattern(source, without_lookarounds(source))
    try:
        gated.first_offset("")  # compiles the gate
    except re2.error:
        return None
    return gated


def gated_finditer(regex: re.Pattern[str], gate: Any, text: str) -> Iterator[re.Match[str]]:
    """`regex.finditer(text)`, with `re` tried only where the RE2 program `gate` (which must
    match wherever `regex` does, on any text) starts a match.

    `finditer` yields, again and again, the leftmost match at or after the end of the last one;
    a start where the gate does not match cannot hold one, so `regex.match` at each gate start
    in turn finds the same match (with the text before it in view, as `finditer` has). Meant
    for text RE2 cannot be given as ASCII bytes: a keyword prefilter under `(?i)` read a 126 KB
    changelog with a few accented names at ~4 MB/s in `re`."""
    encoded = text.encode("utf-8", "surrogatepass")
    byte = char = 0  # a byte offset in `encoded` and the same place in `text`
    while char < len(text) and (found := gate.search(encoded, byte)) is not None:
        start = found.start()
        char += len(encoded[byte:start].decode("utf-8", "surrogatepass"))
        byte = start
        match = regex.match(text, char)
        if match is None:
            byte += len(text[char].encode("utf-8", "surrogatepass"))
            char += 1
        elif match.end() == char:
            # An empty match: `finditer` has its own rule for what may follow one.
            yield from regex.finditer(text, char)
            return
        else:
            yield match
            byte += len(text[char : match.end()].encode("utf-8", "surrogatepass"))
            char = match.end()
    if char == len(text):  # an empty match at the very end (none of the prefilters has one)
        yield from regex.finditer(text, char)
