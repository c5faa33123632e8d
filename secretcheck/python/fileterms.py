"""Which of the checks' words and substrings a file holds, in one RE2 pass.

The CST engine's first test per check is a word that must be one of the file's identifiers, or
a substring of its lowered text (`CheckEntry.may_match`). Listing every identifier of a file
(`re.findall`, ~30 MB/s), lowering it and intersecting word sets per check took ~110 ms of
the file prefilter's ~380 ms on flask+werkzeug; an `RE2::Set` of one pattern per word or
substring reads the text once and says which of them occur (~10 ms, automaton included).
The answers are the same as the list's, on ASCII text:
- a word `w` is in `re.findall(r"[A-Za-z_][A-Za-z0-9_]*", text)` exactly when some run of
  `[A-Za-z0-9_]` characters is `w` after its leading digits (the list skips those: `9abc` gives
  `abc`): `\b[0-9]*w\b`, with RE2's ASCII `\b`;
- a lower-case substring occurs in `text.lower()` exactly when it occurs in `text` ignoring
  ASCII case, and on ASCII text RE2's case folding is ASCII's.
Other text (rare in source code) gets the list and the lowered text as before.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from typing import Any

import re2  # type: ignore[import-untyped]

IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class FileTerms:
    """`present(text)` -> (words present as identifiers, substrings of the lowered text)."""

    def __init__(self, words: Iterable[str], substrings: Iterable[str]) -> None:
        # A word that is no identifier, or a substring with upper case, could never be found
        # by the old tests; the pattern for it would (it has to be exact): left out.
        self.words = [w for w in sorted(set(words)) if IDENTIFIER.fullmatch(w)]
        self.substrings = [s for s in sorted(set(substrings)) if s == s.lower() and s.isascii()]
        self._set: Any = None

    def _program(self) -> Any:
        if self._set is None:
            options = re2.Options()
            options.log_errors = False
            # Room for the automaton of a few hundred literals: an RE2::Set whose DFA runs out
            # of memory answers "no match", which here would drop a check.
            options.max_mem = 64 << 20
            found = re2.Set.SearchSet(options)
            for word in self.words:
                # `\b` (RE2's is ASCII's): no consumed boundary character, whose every
                # position the automaton had to track for all the words (~60 ms to build).
                found.Add(rf"\b[0-9]*{re2.escape(word)}\b")
            for substring in self.substrings:
                found.Add("(?i)" + re2.escape(substring))
            found.Compile()
            self._set = found
        return self._set

    def present(self, text: str) -> tuple[frozenset[str], Container[str]]:
        """The identifiers of `text` (at least those among the words) and something `in`
        answers for the substrings as `text.lower()` would."""
        if not text.isascii():
            return frozenset(IDENTIFIER.findall(text)), text.lower()
        matched = self._program().Match(text.encode("ascii")) or ()
        words, substrings = set(), set()
        count = len(self.words)
        for index in matched:
            if index < count:
                words.add(self.words[index])
            else:
                substrings.add(self.substrings[index - count])
        return frozenset(words), frozenset(substrings)
