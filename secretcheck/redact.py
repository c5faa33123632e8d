"""Redaction: the one place that turns a secret into something safe to print.

Every renderer prints `Finding.snippet`, which is built here, so the rule "no report holds a
full secret" is enforced once, when the finding is made, not in each output format.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

SNIPPET_LIMIT = 240
# Quoted text (closed or running to the end of the line) and long token-like runs.
_QUOTED = re.compile(r"""(["'`])((?:\\.|(?!\1).)*)""")
_TOKENISH = re.compile(r"[A-Za-z0-9+/=_\-]{16,}")


def redact_value(value: str) -> str:
    """A short prefix and the length: enough to recognise a key, never enough to use it."""
    shown = min(4, len(value) // 4)
    return f"{value[:shown]}…[{len(value)} chars redacted]"


def redact_line(line: str, spans: Iterable[tuple[int, int]], secrets: Iterable[str] = ()) -> str:
    """`line` with every 0-based (start, end) span and every known secret value redacted.

    `secrets` also catches a second copy of a secret on the same line that no detector
    reported on its own (it would otherwise be printed in the clear next to the redacted one).
    """
    text = line.rstrip("\r\n")
    pieces, last = [], 0
    for start, end in sorted(spans):
        start = max(start, last)
        if end <= start:
            continue
        pieces.append(text[last:start])
        pieces.append(redact_value(text[start:end]))
        last = end
    pieces.append(text[last:])
    result = "".join(pieces)
    for secret in sorted({s for s in secrets if len(s) >= 4}, key=len, reverse=True):
        if secret in result:
            result = result.replace(secret, redact_value(secret))
    result = result.strip()
    if len(result) > SNIPPET_LIMIT:
        result = result[: SNIPPET_LIMIT - 1] + "…"
    return result


def unknown_value_spans(line: str) -> list[tuple[int, int]]:
    """Where a line may hold a secret that no detector could name.

    A diagnostic (a file that does not parse) points at a line nobody has checked: the break is
    often on the very line that holds a credential (`password = "s3cr3t` unterminated). Every
    quoted text of 4+ characters and every 16+ character token-like run is treated as secret.
    """
    spans = [m.span(2) for m in _QUOTED.finditer(line) if len(m.group(2)) >= 4]
    spans += [m.span() for m in _TOKENISH.finditer(line)]
    return spans
