"""The registry of CST checks: name (as written in a rule's `check` key) -> module + prefilter.

The prefilter is a cheap test over the whole file (a compiled regex, or an object with the same
`search`/`finditer` methods): a file it does not match is never parsed for that check. Modules
are imported lazily so that libcst loads only when a file needs it. Prefilters name the exact
shapes a check looks for (a credential name bound to a plausible literal, a sink call, an env
lookup with a literal fallback, a comparison with a literal), because parsing is by far the most
expensive step of a scan.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from secretcheck.analysis.prefilter import CredentialLines, LoweredPattern, SinkLines


class Prefilter(Protocol):
    def search(self, text: str) -> object: ...

    def finditer(self, text: str) -> Iterator[re.Match[str]]: ...


@dataclass(frozen=True, slots=True)
class CheckEntry:
    """`scope` says how much of a file the check needs to see.

    "module": the whole parsed module (imports, functions: taint and flow checks).
    "statement": only the statements on lines its prefilter matched; the engine parses just
    those with libcst, so a 2,000-line file with one candidate costs one small parse.
    """

    module: str
    prefilter: Prefilter
    scope: str = "module"


# Prefilters are written in lower case and run over the lowered text (see LoweredPattern).
_WORD = r"(?:pass|pwd|secret|token|key|cred|auth)"
_LIT = r"""[rbu]{0,2}['"][^'"\n]{4,}"""

CHECKS: dict[str, CheckEntry] = {
    "hardcoded-credentials": CheckEntry(
        "secretcheck.checks.hardcoded_credentials", CredentialLines(), scope="statement"
    ),
    # Module scope: a constant defined at the top flows into a sink further down.
    "credential-sinks": CheckEntry(
        "secretcheck.checks.credential_sinks",
        SinkLines(
            r"\.login\(|\b(?:httpbasicauth|httpdigestauth|httpproxyauth|basicauth|digestauth"
            r"|fernet|urlsafetimedserializer|urlsafeserializer|timestampsigner|signer|ftp|ftp_tls"
            r"|simple_bind_s|simple_bind|bind_s|set_password|compare_digest)\(|\bauth\s*=\s*\("
            r"|jwt\.(?:en|de)code\(|hmac\.(?:new|hmac)\(|(?:pymysql|mysqldb|pymssql)\.connect\("
            r"|sshclient|\b(?:dsn|conninfo)\s*="
            r"|connect\(\s*[rbuf]?['\"][^'\"\n]*(?:password|pwd)\s*="
            r"|['\"](?:authorization|proxy-authorization|x-auth-token|x-access-token"
            r"|private-token|x-api-key|api-key)['\"]\s*:"
        ),
    ),
    "env-fallbacks": CheckEntry(
        "secretcheck.checks.env_fallbacks",
        LoweredPattern(
            rf"""(?:getenv|environ\.get|setdefault|config|env\.str|env|env\.get)\(\s*['"]"""
            rf"""[^'"\n]*{_WORD}[^'"\n]*['"]\s*,\s*(?:default\s*=\s*)?{_LIT}"""
        ),
        scope="statement",
    ),
    "credential-comparisons": CheckEntry(
        "secretcheck.checks.credential_comparisons",
        LoweredPattern(
            rf"""{_WORD}\w*['"\])]{{0,2}}(?:\.\w+\(\))?\s*[!=]=\s*{_LIT}"""
            rf"""|{_LIT}['"]\s*[!=]=\s*[\w.]*{_WORD}|compare_digest\("""
        ),
        scope="statement",
    ),
}
