"""The registry of CST checks: name (as written in a rule's `check` key) -> module + prefilter.

The prefilter is a cheap regex over the whole file: a file it does not match is never parsed
for that check. Modules are imported lazily so that libcst loads only when a file needs it.

Checks in a `group` share one visitor: every taint rule (`group="taint"`) declares its sinks in
its own module, and one `checks.taint` visitor runs the taint engine once for all of them. For
taint checks the prefilter also picks, line by line, the functions worth the cost of scope and
qualified-name resolution.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CheckEntry:
    """`scope` says how much of a file the check needs to see.

    "module": the whole parsed module (imports, functions: taint and flow checks).
    "statement": only the statements on lines its prefilter matched; the engine parses just
    those with libcst, so a 2,000-line file with one candidate costs one small parse.
    """

    module: str
    prefilter: re.Pattern[str]
    scope: str = "module"
    group: str = ""


GROUPS = {"taint": "secretcheck.checks.taint"}


# `from subprocess import run as r`: the sink is then called by a name no pattern knows.
_ALIASED_IMPORT = r"|^[ \t]*from[ \t]+[\w.]+[ \t]+import[^\n]*\bas\b"


def _taint(module: str, pattern: str) -> CheckEntry:
    flags = "(?m)" if not pattern.startswith("(?m)") else ""
    return CheckEntry(f"secretcheck.checks.{module}", re.compile(flags + pattern + _ALIASED_IMPORT),
                      group="taint")  # fmt: skip


def _pattern(module: str, pattern: str) -> CheckEntry:
    return CheckEntry(f"secretcheck.checks.{module}", re.compile(pattern))


CHECKS: dict[str, CheckEntry] = {
    "hardcoded-credentials": CheckEntry(
        "secretcheck.checks.hardcoded_credentials",
        # A credential-ish name bound or compared to a string literal of 3+ characters, on one
        # line: `name = "lit"`, `"key": "lit"`, `name: str = "lit"`, `name == "lit"`. Most
        # Python files have none, so most files are never parsed (a libcst parse plus
        # positions costs ~100x this regex). No leading \w*: it would backtrack per word.
        re.compile(
            r"""(?ix)
            (?:pass(?:wd|word|phrase)?|pwd|secret|token|api_?key|access_?key|private_?key
                |auth_?key|credential|conn(?:ection)?_?str)\w*['"\]]?
            \s*(?::[^=\n]{1,60})?\s*(?:=|:|==|!=)\s*\(?\s*[rbuf]{0,2}['"][^'"\s]{3,}
            """
        ),
        scope="statement",
    ),
    "sql-injection": _taint(
        "sql_injection",
        r"\b(?:execute|executemany|executescript|exec_driver_sql|fetchrow|fetchval|fetch_all|"
        r"fetch_one|raw|extra|RawSQL|text|read_sql(?:_query)?)\s*\(",
    ),
    "command-injection": _taint(
        "command_injection",
        r"\b(?:system|popen\d?|Popen|run|call|check_call|check_output|getoutput|"
        r"getstatusoutput|create_subprocess_shell|subprocess_shell|exec_command)\s*\(",
    ),
    "code-injection": _taint(
        "code_injection", r"(?<![.\w])(?:eval|exec|compile|__import__)\s*\(|\bimport_module\s*\("
    ),
    "deserialization": _taint(
        "deserialization",
        r"\b(?:loads?|load_all|unsafe_load(?:_all)?|full_load(?:_all)?|Unpickler|read_pickle)\s*\("
        r"|\bjsonpickle\.decode\s*\(|\bshelve\.open\s*\(",
    ),
    "path-traversal": _taint(
        "path_traversal",
        r"\b(?:open|send_file|FileResponse|read_text|read_bytes|write_text|write_bytes|save|"
        r"extractall|extract|unpack_archive|copy\w*|move|rmtree)\s*\("
        r"|\bos\.(?:remove|unlink|rmdir|removedirs|makedirs|mkdir|listdir|scandir|rename|"
        r"replace|chmod|truncate)\s*\(",
    ),
    "ssrf": _taint(
        "ssrf",
        r"\b(?:requests|httpx|urlopen|urlretrieve|Request|urllib3|ClientSession|AsyncClient|"
        r"PoolManager)\b",
    ),
    "xss": _taint(
        "xss",
        r"(?m)\b(?:Markup|mark_safe|SafeString|HttpResponse|HTMLResponse|make_response|Response)"
        r"\s*\(|^[ \t]*@\w+\.(?:route|get|post)\(",
    ),
    "template-injection": _taint(
        "template_injection", r"\b(?:render_template_string|Template|from_string)\s*\("
    ),
    "xxe": _taint(
        "xxe",
        r"\b(?:fromstring|fromstringlist|parseString|XML|parse|iterparse)\s*\(",
    ),
    "open-redirect": _taint(
        "open_redirect",
        r"\b(?:redirect|HttpResponseRedirect|HttpResponsePermanentRedirect|RedirectResponse)\s*\(",
    ),
    # Security-configuration pattern checks (no data flow): one visitor per rule.
    "tls-verification": _pattern(
        "tls_verification",
        r"verify|CERT_NONE|_create_unverified_context|_create_stdlib_context|check_hostname|"
        r"disable_warnings|\bssl\s*=\s*False",
    ),
    "weak-password-hash": _pattern(
        "weak_password_hash", r"\b(?:md5|sha1|MD5|SHA1)\b|hashlib\.new|\bsha\.new"
    ),
    "insecure-random": _pattern("insecure_random", r"\brandom\b"),
    "debug-mode": _pattern("debug_mode", r"\bDEBUG\b|\bdebug\b|use_debugger|ALLOWED_HOSTS"),
    "bind-all": _pattern("bind_all", r"['\"](?:0\.0\.0\.0|::)['\"]"),
    "temp-files": _pattern(
        "temp_files", r"\bmktemp\b|\btempnam\b|\btmpnam\b|['\"]/(?:tmp|var/tmp|dev/shm)\b"
    ),
    "world-writable": _pattern("world_writable", r"\bchmod\b|\bmkdir\b|\bmakedirs\b|\bos\.open\b"),
    "jwt-verification": _pattern("jwt_verification", r"\bjwt\b|\bjose\b"),
    "assert-authorization": _pattern("assert_authorization", r"(?m)^[ \t]*assert\b"),
    "secret-in-log": _pattern(
        "secret_in_log",
        r"(?i)\b(?:log\w*|print|raise)\b[^\n]*(?:pass|pwd|secret|token|key|cred|auth)|getpass|"
        r"keyring|os\.(?:environ|getenv)[^\n]*(?:pass|secret|token|key)",
    ),
}
