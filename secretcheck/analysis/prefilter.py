"""Cheap text tests that decide whether a Python file is worth a libcst parse at all.

Parsing and visiting with libcst costs about a millisecond per ten lines; most files hold no
credential-like name next to a plausible literal. One whole-text regex finds `name <op> "literal"`
shapes, and only those whose name contains a credential word get Python-level work (identifier
splitting and the value judge), so a file like werkzeug's routing module is never parsed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from secretcheck.analysis.names import credential_words
from secretcheck.analysis.scoring import judge_value

# A name, then an assignment, annotation, dict colon, keyword `=` or comparison, then (maybe
# inside a call such as `Field(default=` or on the next line) a literal: the shapes SC101 reads.
_CANDIDATE = re.compile(
    r"""(?P<name>[A-Za-z_][\w-]{0,80})['"]?\]?[ \t]*(?::[ \t]*[^=\n]{1,60})?[ \t]*"""
    r"""(?:==|!=|=|:)[ \t]*(?:[\w.]+\([ \t]*(?:default[ \t]*=[ \t]*)?)?[\[(]?[ \t]*\n?[ \t]*"""
    r"""(?:['"][^'"\n]*['"][ \t]*,[ \t]*){0,3}"""  # `user, password = "svc", "<lit>"`
    r"""[rRbBuU]{0,2}(?P<q>['"])(?P<v>[^'"\n\\]{4,})(?P=q)"""
)
_HINT = re.compile(r"(?i)pass|pwd|secret|token|key|cred|auth|conn")


class CredentialLines:
    """A prefilter object (`search`, `finditer`) for the name-based Python check (SC101)."""

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if not _HINT.search(text):
            return
        position = 0
        # Overlapping search: `{"user": "alice", "password": "..."}` must not let the first
        # pair's match swallow the second.
        while (match := _CANDIDATE.search(text, position)) is not None:
            position = match.end("name")
            name, value = match.group("name"), match.group("v")
            if _HINT.search(name) and credential_words(name) and judge_value(value) is None:
                yield match

    def search(self, text: str) -> bool:
        return next(self.finditer(text), None) is not None
