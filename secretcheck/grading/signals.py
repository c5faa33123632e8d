"""Habits in the candidate's Python code, found by cheap line patterns; nothing is executed.

Each check is a regular expression over the text of the submission's own Python files (tests,
virtualenvs and vendored folders excluded) and reports every line it matches as evidence. The
credits are deliberately about visible habits (reading secrets from the environment, binding
SQL parameters, hashing passwords with a KDF), not about proving code safe: that is the job of
the scan rules, whose findings are the deductions.

What it deliberately misses: habits expressed through indirection (a helper wrapping
`os.environ`), and any file that is not Python.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from secretcheck.analysis.literals import placeholder_reason
from secretcheck.analysis.names import credential_words
from secretcheck.grading.model import Evidence, Signal
from secretcheck.redact import redact_line, redact_value

_ENV_NAME = r"""os\.(?:environ\.get|getenv|environ\.setdefault)\(\s*["'](?P<name>\w+)["']"""
_ENV_READ = re.compile(_ENV_NAME + r"|os\.environ\[\s*[\"'](?P<sub>\w+)[\"']\s*\]")
# os.getenv("X", "lit") and os.getenv("X") or "lit": both run with a known value when unset.
_FALLBACK = re.compile(
    _ENV_NAME + r"""(?:\s*,\s*|\s*\)\s*or\s*)(?P<q>["'])(?P<value>[^"'\n]+)(?P=q)"""
)
_ENV_SUBSCRIPT = re.compile(r"""os\.environ\[\s*["'](?P<name>\w+)["']\s*\]""")
_FAIL_FAST = re.compile(r"^\s*if\s+not\s+[\w.\[\]\"']+\s*:\s*$|^\s*if\s+\w+\s+is\s+None\s*:\s*$")
_RAISES = re.compile(r"\b(?:raise|sys\.exit|SystemExit|abort)\b")
_SECRET_NAMEISH = re.compile(r"(?i)(key|token|secret|passw|pwd|dsn|credential|database_url)")


@dataclass(frozen=True, slots=True)
class PySource:
    path: str
    lines: tuple[str, ...]


def _code_lines(src: PySource) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(src.lines, start=1):
        if not line.lstrip().startswith("#"):
            yield number, line


def _ev(src: PySource, number: int, snippet: str | None = None) -> Evidence:
    text = src.lines[number - 1] if snippet is None else snippet
    # Masked before it is cut: a token cut in half no longer looks like one.
    return Evidence(src.path, number, snippet=redact_line(text)[:160])


def _secretish(name: str) -> bool:
    return credential_words(name) is not None or bool(_SECRET_NAMEISH.search(name))


def env_secret_reads(sources: Iterable[PySource]) -> Iterator[Evidence]:
    for src in sources:
        for n, line in _code_lines(src):
            fallback = _FALLBACK.search(line)
            if fallback and credential_words(fallback.group("name")):
                continue  # a literal fallback is the opposite habit (see weak_fallbacks)
            for m in _ENV_READ.finditer(line):
                if _secretish(m.group("name") or m.group("sub") or ""):
                    yield _ev(src, n)
                    break


def weak_fallbacks(sources: Iterable[PySource], placeholders_only: bool) -> Iterator[Evidence]:
    """`os.getenv("SECRET_KEY", "dev")`: the app runs with a known secret when unset.

    With `placeholders_only` (a catalogue rule already flags real-looking fallbacks) only the
    values that rule passes as placeholders are reported: `"changeme"` is still a weak default.
    """
    for src in sources:
        for n, line in _code_lines(src):
            for m in _FALLBACK.finditer(line):
                name, value = m.group("name"), m.group("value")
                if credential_words(name) is None:
                    continue
                if placeholders_only and placeholder_reason(value, name) is None:
                    continue
                shown = line[: m.start("value")] + redact_value(value) + line[m.end("value") :]
                yield _ev(src, n, shown.strip())


def fail_fast(sources: Iterable[PySource]) -> Iterator[Evidence]:
    """`os.environ["API_KEY"]` (raises when unset) or `if not key: raise ...`."""
    for src in sources:
        reads_env = any(_ENV_READ.search(line) for line in src.lines)
        for n, line in _code_lines(src):
            m = _ENV_SUBSCRIPT.search(line)
            if m and credential_words(m.group("name")) and "=" in line.split("os.environ")[0]:
                yield _ev(src, n)
            elif reads_env and _FAIL_FAST.match(line):
                following = " ".join(src.lines[n : n + 3])
                if _RAISES.search(following):
                    yield _ev(src, n)


Check = Callable[[Iterable[PySource]], Iterator[Evidence]]

# Lines a framework's project template writes: leaving them as they are is no habit of the
# candidate's (Django's `startproject` MIDDLEWARE list has Security and CSRF middleware).
FRAMEWORK_DEFAULT_LINES = frozenset(
    f"'{m}',"
    for m in (
        "django.middleware.security.SecurityMiddleware",
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.common.CommonMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "django.contrib.messages.middleware.MessageMiddleware",
        "django.middleware.clickjacking.XFrameOptionsMiddleware",
    )
)


def is_framework_default(line: str) -> bool:
    return line.strip().replace('"', "'").rstrip(",") + "," in FRAMEWORK_DEFAULT_LINES


_GENERATED = re.compile(r"(?i)generated by (?:django|alembic|the protocol buffer)|@generated\b"
                        r"|do not edit|auto-generated|autogenerated")  # fmt: skip


def is_generated(src: PySource) -> bool:
    """A header that says a tool wrote the file (Django migrations, protobuf, alembic)."""
    return any(_GENERATED.search(line) for line in src.lines[:5])


def _pattern_check(pattern: str, flags: int = 0) -> Check:
    compiled = re.compile(pattern, flags)

    def check(sources: Iterable[PySource]) -> Iterator[Evidence]:
        for src in sources:
            for n, line in _code_lines(src):
                if compiled.search(line) and not is_framework_default(line):
                    yield _ev(src, n)

    return check


_SQL_PARAMS = re.compile(
    r"""\.execute(?:many)?\(\s*(?:[rRuU]?(?P<q>\"\"\"|'''|"|'))(?:(?!(?P=q)).)*?"""
    r"""(?:\?|%s|%\(\w+\)s|(?<![:\w]):[A-Za-z_]\w*)(?:(?!(?P=q)).)*?(?P=q)\s*,""",
    re.S,
)
_ORM = re.compile(
    r"\.query\(\w|\.filter_by\(|\.objects\.(?:filter|get|create)\(|select\(\w+\)|\.bindparams\("
    r"|\.where\(\w+\.\w+\s*=="
)


def bound_parameters(sources: Iterable[PySource]) -> Iterator[Evidence]:
    for src in sources:
        text = "\n".join(src.lines)
        for m in _SQL_PARAMS.finditer(text):
            yield _ev(src, text.count("\n", 0, m.start()) + 1)
        for n, line in _code_lines(src):
            if _ORM.search(line):
                yield _ev(src, n)


PY_CHECKS: dict[str, Check] = {
    "env-secret-read": env_secret_reads,
    "secrets-manager": _pattern_check(
        r"BaseSettings\b|pydantic_settings|SecretStr\b|secretsmanager|secretmanager|\bhvac\b"
        r"|keyring\.get_password|from decouple import|\benvirons\b|\bget_secret_value\("
    ),
    "fail-fast-missing-secret": fail_fast,
    "bound-parameters": bound_parameters,
    "validated-input-model": _pattern_check(
        r"class \w+\((?:\w+\.)?(?:BaseModel|Schema|FlaskForm|Form|ModelForm|Serializer|"
        r"ModelSerializer)\)|@(?:field_)?validator\(|jsonschema\.validate\(|\bconstr\(|\bconint\("
        r"|(?<![\w.])Field\([^)]*(?:max_length|min_length|pattern|regex|ge=|le=)|validate_email\("
    ),
    "safe-loader": _pattern_check(
        r"yaml\.safe_load|SafeLoader|ast\.literal_eval|defusedxml|weights_only\s*=\s*True"
    ),
    "list-argv-subprocess": _pattern_check(
        r"subprocess\.(?:run|call|check_call|check_output|Popen)\(\s*\[(?!.*shell\s*=\s*True)"
    ),
    "sanitized-paths": _pattern_check(
        r"secure_filename\(|safe_join\(|send_from_directory\(|os\.path\.basename\("
        r"|\.is_relative_to\(|os\.path\.commonpath\("
    ),
    "strong-password-hashing": _pattern_check(
        r"\bbcrypt\b|\bargon2\b|hashlib\.scrypt|\bpbkdf2|generate_password_hash|\bpasslib\b"
        r"|make_password\(|PasswordHasher\("
    ),
    "secure-randomness": _pattern_check(
        r"secrets\.(?:token_\w+|choice|randbelow|SystemRandom)|os\.urandom\("
    ),
    "security-middleware": _pattern_check(
        r"\bCSRFProtect\(|\bTalisman\(|\bLimiter\(|SecurityMiddleware|TrustedHostMiddleware"
        r"|HTTPSRedirectMiddleware|SESSION_COOKIE_(?:SECURE|HTTPONLY)\W+True|\bslowapi\b"
        r"|CSRF_COOKIE_SECURE\W+True|SECURE_SSL_REDIRECT\W+True|SECURE_HSTS_SECONDS\s*=\s*[1-9]"
        r"|\bratelimit\b"
    ),
    "config-from-env": _pattern_check(
        r"(?i)\b(?:debug|host|allowed_hosts)\b[^=\n]*=.*(?:environ|getenv|config\[|settings\.)"
        r"|host\s*=\s*[\"'](?:127\.0\.0\.1|localhost)[\"']"
    ),
    "request-timeouts": _pattern_check(
        r"(?:requests|httpx|session|client|urlopen)\b.*\btimeout\s*=|httpx\.\w*Client\(.*timeout"
    ),
}


def python_signals(sources: list[PySource], replaced: frozenset[str] = frozenset()) -> list[Signal]:
    """Every habit seen; `replaced` signals (checked by catalogue rules) step back."""
    out = []
    checks = {sid: c for sid, c in PY_CHECKS.items() if sid not in replaced}
    narrowed = "weak-secret-fallback" in replaced
    checks["weak-secret-fallback"] = lambda srcs: weak_fallbacks(srcs, placeholders_only=narrowed)
    for sid, check in sorted(checks.items()):
        evidence = tuple(sorted(set(check(sources))))
        if evidence:
            out.append(Signal(sid, evidence))
    return out
