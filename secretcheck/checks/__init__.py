"""The registry of CST checks: name (as written in a rule's `check` key) -> module + prefilter.

The prefilter is a cheap regex over the whole file: a file it does not match is never parsed
for that check. Modules are imported lazily so that libcst loads only when a file needs it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CheckEntry:
    module: str
    prefilter: re.Pattern[str]


CHECKS: dict[str, CheckEntry] = {
    "hardcoded-credentials": CheckEntry(
        "secretcheck.checks.hardcoded_credentials",
        # A quote somewhere after a credential-ish word; glued and camel forms included.
        re.compile(r"(?i)(pass|pwd|secret|token|key|cred|auth|conn)\w*[^\n]*['\"]"),
    ),
}
