"""Redaction for evidence that does not come from a scan finding (habit lines)."""

from __future__ import annotations

import re

from secretcheck.analysis.literals import placeholder_reason
from secretcheck.redact import redact_value

_LITERAL = re.compile(r"""(?P<q>["'])(?P<value>[^"'\s]{8,})(?P=q)""")


def redact_snippet(text: str) -> str:
    """Code lines shown as evidence of a habit: mask any literal that could be a credential."""

    def mask(m: re.Match[str]) -> str:
        value = m.group("value")
        if placeholder_reason(value) is not None or value.isidentifier():
            return m.group(0)
        return f"{m.group('q')}{redact_value(value)}{m.group('q')}"

    return _LITERAL.sub(mask, text)


_TOKENISH = re.compile(r"[A-Za-z0-9+/_=.-]{20,}")


def redact_message(text: str) -> str:
    """Commit subjects shown as evidence: mask any long token-like word (a pasted key)."""

    def mask(m: re.Match[str]) -> str:
        word = m.group(0)
        digits = any(c.isdigit() for c in word) and any(c.isalpha() for c in word)
        cases = any(c.isupper() for c in word) and any(c.islower() for c in word)
        shouting = word.isupper() and "_" not in word  # AKIA... ids have no lower case
        return redact_value(word) if digits or cases or shouting else word

    return _TOKENISH.sub(mask, text)
