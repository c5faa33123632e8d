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
    "credential-sinks": CheckEntry(
        "secretcheck.checks.credential_sinks",
        re.compile(
            r"(?i)login|auth|jwt|hmac|connect|fernet|serializer|signer|bind|FTP|_password"
            r"|token|api-key"
        ),
    ),
    "env-fallbacks": CheckEntry(
        "secretcheck.checks.env_fallbacks",
        re.compile(r"getenv|environ|env\.|config\("),
    ),
    "credential-comparisons": CheckEntry(
        "secretcheck.checks.credential_comparisons",
        re.compile(
            r"(?i)(pass|pwd|secret|token|key|cred|auth)\w*['\"\]\)]{0,2}\s*[!=]=|compare_digest"
            r"|[!=]=\s*\w*(pass|pwd|secret|token|key)"
        ),
    ),
}
