"""The registry of CST checks: name (as written in a rule's `check` key) -> module + prefilter.

A rule pack naming a check that is not here fails to load (`rulepacks.py` asks `known_checks`).
The prefilter is a cheap test over the whole file (a compiled regex, or an object with the same
`search`/`finditer` methods): a file it does not match is never parsed for that check. Check
modules are imported when a file needs them, and nothing imported here loads libcst (a test
holds this): a file that needs no parse, and `secretcheck --help`, never pay for it.
Prefilters name the exact shapes a check looks for (a credential name bound to a plausible
literal, a sink call, an env lookup with a literal fallback, a comparison with a literal),
because parsing is by far the most expensive step of a scan.

Checks in a `group` share one visitor: every taint rule (`group="taint"`) declares its sinks
and derives its prefilter in its own `python/taint/sinks/` module, and one visitor
(`python/taint/check.py`) runs the taint engine once for all of them.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Container, Iterator
from dataclasses import dataclass
from types import ModuleType
from typing import Protocol

from secretcheck.python.credentials.prefilter import CredentialLines, LoweredPattern, SinkLines
from secretcheck.python.dangerous_api import calls as api_calls
from secretcheck.python.taint.prefilter import SinkPrefilter
from secretcheck.python.taint.sinks import (
    code_injection,
    command_injection,
    deserialization,
    open_redirect,
    path_traversal,
    sql_injection,
    ssrf,
    template_injection,
    xss,
    xxe,
)
from secretcheck.python.textgate import GatedPattern


class Prefilter(Protocol):
    def search(self, text: str) -> object: ...

    def finditer(self, text: str) -> Iterator[re.Match[str]]: ...


@dataclass(frozen=True, slots=True)
class CheckEntry:
    """`scope` says how much of a file the check needs to see.

    "module": the whole parsed module (imports, functions: taint and flow checks).
    "statement": only the statements on lines its prefilter matched; the engine parses just
    those, so a 2,000-line file with one candidate costs one small parse.
    `module_if`: a statement-scope check that needs the whole module only in files this test
    matches (a constant defined elsewhere that may flow into the candidate).
    """

    module: str
    prefilter: Prefilter
    scope: str = "module"
    group: str = ""
    module_if: Prefilter | None = None
    # Cheap tests before the prefilter: one of these identifiers is in the file, or one of
    # these lower-case substrings is in its lowered text (empty: no such test).
    words: frozenset[str] = frozenset()
    substrings: tuple[str, ...] = ()
    # A module-scope check that can only fire where one of these modules is imported (read
    # from CPython's `ast`, already parsed): no libcst parse for the rest. Empty: no test.
    imports: tuple[str, ...] = ()
    # ...or where the module assigns one of these top-level names (a Django settings module).
    assigns: frozenset[str] = frozenset()

    def applies_to(self, tree: ast.Module) -> bool:
        if not self.imports:
            return True
        return imports_any(tree, self.imports) or bool(self.assigns & _top_level_names(tree))

    def may_match(self, identifiers: frozenset[str], lowered: Container[str]) -> bool:
        """`identifiers`: the file's (at least those among `words`); `lowered`: its lowered
        text, or anything that answers `in` for `substrings` as that text would."""
        if self.words and self.words.isdisjoint(identifiers):
            return False
        return not self.substrings or any(s in lowered for s in self.substrings)

    def scope_for(self, text: str) -> str:
        if self.module_if is not None and self.module_if.search(text):
            return "module"
        return self.scope


@dataclass(frozen=True, slots=True)
class TaintEntry(CheckEntry):
    """A taint rule. `lines` picks, line by line, the functions worth the cost of scope and
    qualified-name resolution (the source of the prefilter's own line pattern, which the taint
    check compiles with the others it runs: one compile per rule at start-up was ~10 ms)."""

    lines: str = "(?!)"
    gated: bool = False  # reports only source-to-sink paths: needs an entry point in the file


GROUPS = {"taint": "secretcheck.python.taint.check"}


def imports_any(tree: ast.Module, prefixes: tuple[str, ...]) -> bool:
    """Does the module import (at any depth, relative star imports included) one of these?"""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            if any(a.name.split(".")[0] in prefixes for a in node.names):
                return True
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if module.split(".")[0] in prefixes or any(a.name == "*" for a in node.names):
                return True
    return False


def _top_level_names(tree: ast.Module) -> set[str]:
    return {
        t.id
        for s in tree.body
        if isinstance(s, ast.Assign)
        for t in s.targets
        if isinstance(t, ast.Name)
    }


class AllOf:
    """A prefilter that holds when every one of its tests finds something in the file."""

    def __init__(self, first: Prefilter, *others: Prefilter) -> None:
        self.first, self.others = first, others

    def search(self, text: str) -> object:
        found = self.first.search(text)
        return found if found and all(o.search(text) for o in self.others) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.first.finditer(text) if self.search(text) else iter(())


def _taint(module: ModuleType) -> TaintEntry:
    """A taint rule: its sink module owns CATEGORY, SINKS and the PREFILTER derived from them;
    one shared visitor (`python/taint/check.py`) runs the engine once for all of them."""
    prefilter: SinkPrefilter = module.PREFILTER
    return TaintEntry(module.__name__, prefilter, group="taint", words=prefilter.words,
                      lines=prefilter.pattern, gated=prefilter.gated)  # fmt: skip


def _pattern(module: str, pattern: str, words: str = "", substrings: str = "") -> CheckEntry:
    """A configuration check; `words`/`substrings` are space-separated (see CheckEntry)."""
    name = f"secretcheck.python.configuration.{module}"
    return CheckEntry(name, GatedPattern(pattern), words=frozenset(words.split()),
                      substrings=tuple(substrings.split()))  # fmt: skip


# Prefilters are written in lower case and run over the lowered text (see LoweredPattern).
# The credential checks need one of these words somewhere in the (lowered) file.
_CREDENTIAL_HINTS = ("pass", "pwd", "secret", "token", "key", "cred", "auth", "conn")
_SINK_HINTS = (*_CREDENTIAL_HINTS, "login", "fernet", "serializer", "signer", "ftp", "bind",
               "sshclient", "dsn", "digest", "jwt", "hmac")  # fmt: skip
_WORD = r"(?:pass|pwd|secret|token|key|cred|auth)"
_LIT = r"""[rbu]{0,2}['"][^'"\n]{4,}"""

# Calls and literals that take a secret (see python/credentials/credential_sinks.py).
_SINK_CALLS = (
    r"\.(?:starttls_)?login\(|\b(?:httpbasicauth|httpdigestauth|httpproxyauth|basicauth|digestauth"
    r"|fernet|urlsafetimedserializer|urlsafeserializer|timestampsigner|signer|ftp|ftp_tls"
    r"|simple_bind_s|simple_bind|bind_s|set_password|compare_digest|authtktauthenticationpolicy"
    r"|authtktcookiehelper|signedcookiesessionfactory|signedcookieprofile)\(|\bauth\s*=\s*\("
    r"|jwt\.(?:en|de)code\(|hmac\.(?:new|hmac)\(|(?:pymysql|mysqldb|pymssql)\.connect\("
    r"|sshclient|\b(?:dsn|conninfo)\s*="
    r"|connect\(\s*[rbuf]?['\"][^'\"\n]*(?:password|pwd)\s*="
    r"|['\"](?:authorization|proxy-authorization|x-auth-token|x-access-token"
    r"|private-token|x-api-key|api-key)['\"]\s*:"
)
_SINKS = SinkLines(_SINK_CALLS)
_SINKS_WITH_CONSTANT = SinkLines(_SINK_CALLS, literals=False)

_API = "secretcheck.python.dangerous_api"

CHECKS: dict[str, CheckEntry] = {
    "hardcoded-credentials": CheckEntry(
        "secretcheck.python.credentials.hardcoded_credentials",
        CredentialLines(),
        scope="statement",
        substrings=_CREDENTIAL_HINTS,
    ),
    # Module scope: a constant defined at the top flows into a sink further down.
    # A literal at the sink needs only its statement; a CONSTANT_CASE name at the sink may be a
    # module constant defined far above, and then the whole module is read.
    "credential-sinks": CheckEntry(
        "secretcheck.python.credentials.credential_sinks",
        _SINKS,
        scope="statement",
        module_if=_SINKS_WITH_CONSTANT,
        substrings=_SINK_HINTS,
    ),
    "env-fallbacks": CheckEntry(
        "secretcheck.python.credentials.env_fallbacks",
        LoweredPattern(
            rf"""(?:getenv|environ\.get|setdefault|config|env\.str|env|env\.get)\(\s*['"]"""
            rf"""[^'"\n]*{_WORD}[^'"\n]*['"]\s*,\s*(?:default\s*=\s*)?{_LIT}"""
            # `os.getenv("X") or "lit"`, `environ["X"] if "X" in environ else "lit"`
            rf"""|(?:getenv\(|environ\.get\(|environ\[)\s*['"][^'"\n]*{_WORD}[^'"\n]*['"]"""
            rf"""\s*[)\]]\s*(?:or\s*|if\b[^\n]*\belse\s*){_LIT}"""
        ),
        scope="statement",
        substrings=_CREDENTIAL_HINTS,
    ),
    "credential-comparisons": CheckEntry(
        "secretcheck.python.credentials.credential_comparisons",
        LoweredPattern(
            rf"""{_WORD}\w*['"\])]{{0,2}}(?:\.\w+\(\))?\s*[!=]=\s*{_LIT}"""
            rf"""|{_LIT}['"]\s*[!=]=\s*[\w.]*{_WORD}|compare_digest\("""
        ),
        scope="statement",
        substrings=_CREDENTIAL_HINTS,
    ),
    "sql-injection": _taint(sql_injection),
    "command-injection": _taint(command_injection),
    "code-injection": _taint(code_injection),
    "deserialization": _taint(deserialization),
    "path-traversal": _taint(path_traversal),
    "ssrf": _taint(ssrf),
    "xss": _taint(xss),
    "template-injection": _taint(template_injection),
    "xxe": _taint(xxe),
    "open-redirect": _taint(open_redirect),
    # Security-configuration pattern checks (no data flow): one visitor per rule.
    "tls-verification": _pattern(
        "tls_verification",
        r"\b(?:verify|verify_ssl|ssl|check_hostname)\s*=\s*(?:False|0)\b|CERT_NONE|"
        r"_create_unverified_context|_create_stdlib_context|disable_warnings",
        words="verify verify_ssl ssl check_hostname CERT_NONE _create_unverified_context "
        "_create_stdlib_context disable_warnings",
    ),
    # Fast hashes are everywhere (ETags, cache keys); only a file that also speaks of
    # passwords can hash one.
    "weak-password-hash": CheckEntry(
        "secretcheck.python.configuration.weak_password_hash",
        AllOf(
            GatedPattern(r"\b(?:md5|sha1|MD5|SHA1)\b|hashlib\.new|\bsha\.new"),
            LoweredPattern(r"passw|pwd|passphrase|\bpw\b|\bpsw\b|pword"),
        ),
        words=frozenset({"md5", "sha1", "MD5", "SHA1", "new"}),
    ),
    "insecure-random": _pattern(
        "insecure_random",
        r"\brandom\.[a-z]\w*\s*\(|^[ \t]*from[ \t]+random[ \t]+import",
        words="random",
    ),
    # Flask/werkzeug apps (imports) or Django settings modules (imports or settings names).
    "debug-mode": CheckEntry(
        "secretcheck.python.configuration.debug_mode",
        GatedPattern(r"\b(?:DEBUG|debug|use_debugger)['\"\]]*\s*[=:]\s*True\b|ALLOWED_HOSTS\s*="),
        words=frozenset({"DEBUG", "debug", "use_debugger", "ALLOWED_HOSTS"}),
        imports=("flask", "werkzeug", "django"),
        assigns=frozenset({"INSTALLED_APPS", "MIDDLEWARE", "ROOT_URLCONF", "DATABASES"}),
    ),
    # Judged from the statement alone (a call, an assignment or a parameter default).
    "bind-all": CheckEntry(
        "secretcheck.python.configuration.bind_all",
        re.compile(r"['\"](?:0\.0\.0\.0|::)['\"]"),
        "statement",
        substrings=("0.0.0.0", "::"),  # secretcheck: ignore[SC225] (search text, not an address)
    ),
    "temp-files": _pattern(
        "temp_files",
        r"\bmktemp\b|\btempnam\b|\btmpnam\b|['\"]/(?:tmp|var/tmp|dev/shm)\b",
        substrings="mktemp tempnam tmpnam /tmp /var/tmp /dev/shm",
    ),
    "world-writable": _pattern(
        "world_writable",
        # The check reads constant modes only: an octal or decimal literal, or stat flags.
        r"\b(?:f?l?chmod|mkdir|makedirs|os\.open)\s*\([^\n]*(?:\b0o?[0-7]{3,4}\b|S_I\w+|\b\d{3}\b)",
        words="chmod fchmod lchmod flchmod mkdir makedirs open",
    ),
    "jwt-verification": _pattern(
        "jwt_verification",
        r"\bdecode(?:_complete)?\s*\([^\n]*(?:verify|algorithms|options)",
        words="decode decode_complete",
    ),
    "assert-authorization": _pattern(
        "assert_authorization",
        r"(?im)^[ \t]*assert\b[^\n]*(?:auth|admin|superuser|staff|perm|role|owner|privilege|"
        r"access|logged|acl|anonymous)",
        words="assert",
    ),
    "secret-in-log": _pattern(
        "secret_in_log",
        r"(?i)\b(?:log\w*|print|raise\s+\w+)\s*[.(][^\n]*(?:passw|pwd|secret|token|api_?key|"
        r"credential)|getpass|keyring",
        substrings="passw pwd secret token api_key apikey credential getpass keyring",
    ),
    # Dangerous APIs (no taint source): each module derives its PREFILTER from its call table.
    # Their call tables and prefilters are in `dangerous_api/calls.py`, apart from the checks.
    "weak-crypto-api": CheckEntry(f"{_API}.weak_crypto", api_calls.WEAK_CRYPTO),
    "xxe-api": CheckEntry(f"{_API}.xxe", api_calls.XXE),
    "cleartext-transport": CheckEntry(f"{_API}.cleartext", api_calls.CLEARTEXT),
    "deserialization-api": CheckEntry(
        f"{_API}.deserialization", api_calls.DESERIALIZATION
    ),
}

# Checks whose findings are risky-API uses rather than proven flows: in test and fixture code
# their severity is lowered one step (pipeline.build_findings), as a secret's is.
DANGEROUS_API_CHECKS = frozenset(
    {"weak-crypto-api", "xxe-api", "cleartext-transport", "deserialization-api"}
)
