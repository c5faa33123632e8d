"""The registry of CST checks: name (as written in a rule's `check` key) -> module + prefilter.

The prefilter is a cheap test over the whole file (a compiled regex, or an object with the same
`search`/`finditer` methods): a file it does not match is never parsed for that check. Modules
are imported lazily so that libcst loads only when a file needs it. Prefilters name the exact
shapes a check looks for (a credential name bound to a plausible literal, a sink call, an env
lookup with a literal fallback, a comparison with a literal), because parsing is by far the most
expensive step of a scan.

Checks in a `group` share one visitor: every taint rule (`group="taint"`) declares its sinks in
its own module, and one `checks.taint` check runs the taint engine once for all of them. A
taint entry's `lines` pattern picks, line by line, the functions worth the cost of scope and
qualified-name resolution; its prefilter names the module or framework a sink needs.
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
    `module_if`: a statement-scope check that needs the whole module only in files this test
    matches (a constant defined elsewhere that may flow into the candidate).
    """

    module: str
    prefilter: Prefilter
    scope: str = "module"
    group: str = ""
    module_if: Prefilter | None = None

    def scope_for(self, text: str) -> str:
        if self.module_if is not None and self.module_if.search(text):
            return "module"
        return self.scope


GROUPS = {"taint": "secretcheck.checks.taint"}


# Taint checks have two patterns. `lines` finds the lines that may hold a sink (broad: `run(`
# may be `subprocess.run` imported by name); the file prefilter is narrow: it names the module
# or framework without which the sink cannot be reached, so most files are never parsed for it.
_WEB = (
    r"(?m)^[ \t]*(?:from|import)[ \t]+(?:django|flask|fastapi|starlette|aiohttp|tornado|"
    r"rest_framework|quart|sanic|bottle|falcon|pyramid)\b"
)


@dataclass(frozen=True, slots=True)
class TaintEntry(CheckEntry):
    lines: re.Pattern[str] = re.compile("(?!)")


# Where untrusted input can enter a file: the sources the taint engine knows (web request
# objects and route parameters, FastAPI/Starlette, Django views, CLI input, the environment).
# A file with a sink but none of these cannot hold a source-to-sink path of its own, and a
# taint run (whole-module parse, scopes, qualified names) is the costliest step of a scan.
_SOURCES = re.compile(
    r"\brequest\.(?:args|form|values|json|get_json|cookies|headers|files|data|stream|get_data"
    r"|GET|POST|body|COOKIES|META|FILES|query_params|path_params|query|match_info|rel_url"
    r"|content|path|url|params|arguments)\b"
    r"|\binput\s*\(|\bsys\.argv\b|\bparse_args\s*\(|\bclick\b|\btyper\b|fastapi|starlette"
    r"|@\w+\.(?:route|get|post|put|delete|patch|api_route)\(\s*['\"][^'\"\n]*[<{]"
    r"|def\s+\w+\s*\(\s*(?:self\s*,\s*)?request\b|\bos\.environ\b|\bgetenv\s*\("
)


class AllOf:
    """A prefilter that holds when every one of its tests finds something in the file."""

    def __init__(self, first: Prefilter, *others: Prefilter) -> None:
        self.first, self.others = first, others

    def search(self, text: str) -> object:
        found = self.first.search(text)
        return found if found and all(o.search(text) for o in self.others) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.first.finditer(text) if self.search(text) else iter(())


class SourceGated:
    """A taint prefilter: the category's own test, and some source in the same file."""

    def __init__(self, prefilter: str) -> None:
        self.prefilter = re.compile(prefilter)

    def search(self, text: str) -> re.Match[str] | None:
        found = self.prefilter.search(text)
        return found if found is not None and _SOURCES.search(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.prefilter.finditer(text) if _SOURCES.search(text) else iter(())


# After a sink's opening parenthesis: no argument at all (`run()` in a docstring), or a first
# argument that is one plain (not f-) string literal, ending the call or followed by another. A constant cannot carry taint, so
# such a call is no reason to analyze its function (`__import__("colorama")`,
# `execute("SELECT ... WHERE id = ?", (uid,))`); `"..." + x`, `"..." % x` still are.
_CONSTANT_FIRST_ARG = r"""(?!\s*\)|\s*[rRbBuU]{0,2}(?:"[^"\n]*"|'[^'\n]*')\s*[,)])"""


def _taint(
    module: str, prefilter: str, lines: str, gated: bool = False, calls: bool = True
) -> TaintEntry:
    """`gated`: the category reports only source-to-sink paths (path, URL, markup, XML,
    redirect sinks); SQL, shell, code and pickle sinks also report values of unknown origin,
    so they need no source in the file. `calls`: `lines` ends at a sink call's `(`, so the
    definition of a same-named function and a constant first argument do not count."""
    test: Prefilter = SourceGated(prefilter) if gated else re.compile(prefilter)
    if calls:
        lines = rf"(?<!def )(?:{lines}){_CONSTANT_FIRST_ARG}"
    return TaintEntry(f"secretcheck.checks.{module}", test, group="taint",
                      lines=re.compile(lines, re.M))  # fmt: skip


def _pattern(module: str, pattern: str) -> CheckEntry:
    return CheckEntry(f"secretcheck.checks.{module}", re.compile(pattern))


# Prefilters are written in lower case and run over the lowered text (see LoweredPattern).
_WORD = r"(?:pass|pwd|secret|token|key|cred|auth)"
_LIT = r"""[rbu]{0,2}['"][^'"\n]{4,}"""

# Calls and literals that take a secret (see checks/credential_sinks.py).
_SINK_CALLS = (
    r"\.login\(|\b(?:httpbasicauth|httpdigestauth|httpproxyauth|basicauth|digestauth"
    r"|fernet|urlsafetimedserializer|urlsafeserializer|timestampsigner|signer|ftp|ftp_tls"
    r"|simple_bind_s|simple_bind|bind_s|set_password|compare_digest)\(|\bauth\s*=\s*\("
    r"|jwt\.(?:en|de)code\(|hmac\.(?:new|hmac)\(|(?:pymysql|mysqldb|pymssql)\.connect\("
    r"|sshclient|\b(?:dsn|conninfo)\s*="
    r"|connect\(\s*[rbuf]?['\"][^'\"\n]*(?:password|pwd)\s*="
    r"|['\"](?:authorization|proxy-authorization|x-auth-token|x-access-token"
    r"|private-token|x-api-key|api-key)['\"]\s*:"
)
_SINKS = SinkLines(_SINK_CALLS)
_SINKS_WITH_CONSTANT = SinkLines(_SINK_CALLS, literals=False)

CHECKS: dict[str, CheckEntry] = {
    "hardcoded-credentials": CheckEntry(
        "secretcheck.checks.hardcoded_credentials", CredentialLines(), scope="statement"
    ),
    # Module scope: a constant defined at the top flows into a sink further down.
    # A literal at the sink needs only its statement; a CONSTANT_CASE name at the sink may be a
    # module constant defined far above, and then the whole module is read.
    "credential-sinks": CheckEntry(
        "secretcheck.checks.credential_sinks",
        _SINKS,
        scope="statement",
        module_if=_SINKS_WITH_CONSTANT,
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
    "sql-injection": _taint(
        "sql_injection",
        r"\.(?:execute|executemany|executescript|exec_driver_sql|fetchrow|fetchval|fetch_all|"
        r"fetch_one|raw|extra)\s*\(|RawSQL|sqlalchemy|read_sql",
        r"\b(?:execute|executemany|executescript|exec_driver_sql|fetchrow|fetchval|fetch_all|"
        r"fetch_one|raw|extra|RawSQL|text|read_sql(?:_query)?)\s*\(",
    ),
    "command-injection": _taint(
        "command_injection",
        r"\bsubprocess\b|\bos\.(?:system|popen)|\bimport\b[^\n]*\b(?:system|popen)\b|"
        r"create_subprocess_shell|subprocess_shell|exec_command|\bcommands\b",
        r"\b(?:system|popen\d?|Popen|run|call|check_call|check_output|getoutput|"
        r"getstatusoutput|create_subprocess_shell|subprocess_shell|exec_command)\s*\(",
    ),
    "code-injection": _taint(
        "code_injection",
        r"(?<![.\w])(?:eval|exec|compile|__import__)\s*\(|\bimport_module\b",
        r"(?<![.\w])(?:eval|exec|compile|__import__)\s*\(|\bimport_module\s*\(",
    ),
    "deserialization": _taint(
        "deserialization",
        r"\b(?:pickle|cPickle|_pickle|dill|jsonpickle|marshal|shelve|yaml|torch|joblib|numpy|"
        r"read_pickle)\b",
        r"\b(?:loads?|load_all|unsafe_load(?:_all)?|full_load(?:_all)?|Unpickler|read_pickle|"
        r"decode|open)\s*\(",
    ),
    "path-traversal": _taint(
        "path_traversal",
        _WEB,
        r"\b(?:open|send_file|FileResponse|read_text|read_bytes|write_text|write_bytes|save|"
        r"extractall|extract|unpack_archive|copy\w*|move|rmtree|remove|unlink|rmdir|removedirs|"
        r"makedirs|mkdir|listdir|scandir|rename|replace|truncate)\s*\(",
        gated=True,
    ),
    "ssrf": _taint(
        "ssrf",
        _WEB,
        # A client call or a client being made: not every mention of a `Request` class.
        r"\b(?:requests|httpx|urllib3|aiohttp)\.\w+\s*\(|\b(?:urlopen|urlretrieve|Request"
        r"|ClientSession|AsyncClient|PoolManager|Session|Client)\s*\(",
        gated=True,
    ),
    "xss": _taint(
        "xss",
        _WEB,
        r"\b(?:Markup|mark_safe|SafeString|HttpResponse|HTMLResponse|make_response|Response)"
        r"\s*\(|^[ \t]*@\w+\.(?:route|get|post)\(",
        gated=True,
        calls=False,
    ),
    "template-injection": _taint(
        "template_injection",
        r"render_template_string|jinja2|mako|django\.template|from_string",
        r"\b(?:render_template_string|Template|from_string)\s*\(",
        gated=True,
    ),
    "xxe": _taint(
        "xxe",
        _WEB,
        r"\b(?:fromstring|fromstringlist|parseString|XML|parse|iterparse)\s*\(",
        gated=True,
    ),
    "open-redirect": _taint(
        "open_redirect",
        _WEB,
        r"\b(?:redirect|HttpResponseRedirect|HttpResponsePermanentRedirect|RedirectResponse)\s*\(",
        gated=True,
    ),
    # Security-configuration pattern checks (no data flow): one visitor per rule.
    "tls-verification": _pattern(
        "tls_verification",
        r"\b(?:verify|verify_ssl|ssl|check_hostname)\s*=\s*(?:False|0)\b|CERT_NONE|"
        r"_create_unverified_context|_create_stdlib_context|disable_warnings",
    ),
    # Fast hashes are everywhere (ETags, cache keys); only a file that also speaks of
    # passwords can hash one.
    "weak-password-hash": CheckEntry(
        "secretcheck.checks.weak_password_hash",
        AllOf(
            re.compile(r"\b(?:md5|sha1|MD5|SHA1)\b|hashlib\.new|\bsha\.new"),
            LoweredPattern(r"passw|pwd|passphrase|\bpw\b|\bpsw\b|pword"),
        ),
    ),
    "insecure-random": _pattern(
        "insecure_random", r"\brandom\.[a-z]\w*\s*\(|^[ \t]*from[ \t]+random[ \t]+import"
    ),
    "debug-mode": _pattern(
        "debug_mode",
        r"\b(?:DEBUG|debug|use_debugger)['\"\]]*\s*[=:]\s*True\b|ALLOWED_HOSTS\s*=",
    ),
    # Judged from the statement alone (a call, an assignment or a parameter default).
    "bind-all": CheckEntry(
        "secretcheck.checks.bind_all", re.compile(r"['\"](?:0\.0\.0\.0|::)['\"]"), "statement"
    ),
    "temp-files": _pattern(
        "temp_files", r"\bmktemp\b|\btempnam\b|\btmpnam\b|['\"]/(?:tmp|var/tmp|dev/shm)\b"
    ),
    "world-writable": _pattern(
        "world_writable",
        # The check reads constant modes only: an octal or decimal literal, or stat flags.
        r"\b(?:f?l?chmod|mkdir|makedirs|os\.open)\s*\([^\n]*(?:\b0o?[0-7]{3,4}\b|S_I\w+|\b\d{3}\b)",
    ),
    "jwt-verification": _pattern(
        "jwt_verification", r"\bdecode(?:_complete)?\s*\([^\n]*(?:verify|algorithms|options)"
    ),
    "assert-authorization": _pattern(
        "assert_authorization",
        r"(?im)^[ \t]*assert\b[^\n]*(?:auth|admin|superuser|staff|perm|role|owner|privilege|"
        r"access|logged|acl|anonymous)",
    ),
    "secret-in-log": _pattern(
        "secret_in_log",
        r"(?i)\b(?:log\w*|print|raise\s+\w+)\s*[.(][^\n]*(?:passw|pwd|secret|token|api_?key|"
        r"credential)|getpass|keyring",
    ),
}
