"""Weak and default credentials in committed live configuration (a grading signal).

`POSTGRES_PASSWORD=supersecret123` in `.env.development`, or
`mysql+pymysql://root:password@localhost/notes` in a Flask config: no entropy detector sees
these (they are not random) and the placeholder filters pass them on purpose (`password` is a
placeholder in an example file). In a file the application actually loads they are a real,
guessable credential.

How it detects: in committed env files (not `.env.example` and the like), Python modules,
INI/CFG/YAML/TOML config and compose files outside tests, docs and CI definitions, a
credential-named key (`*_PASSWORD`, `secret`, ...) set to a value from a short list of default
and dictionary passwords (optionally followed by digits or `!`), or a URL whose password part is
one.

What it deliberately misses: weak passwords that are not dictionary-like (`Tr0ub4dor`), and
values read from the environment (`os.getenv("X", "password")` is `weak-secret-fallback`).

This stands in for the weak/default credential rule of the issue "Coverage": when that rule
lands, its code goes into `replaced_by` of the `weak-credential` signal in the rubric.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from secretcheck.analysis.names import credential_words
from secretcheck.grading.model import Evidence, Signal
from secretcheck.grading.submission import Submission, basename, read_text
from secretcheck.redact import redact_line
from secretcheck.textindex import split_lines

# Defaults shipped by databases and frameworks, and the dictionary passwords breach lists start
# with; a trailing run of digits or '!' does not make them strong.
_WEAK_WORDS = (
    "password", "passwd", "passw0rd", "pass", "secret", "supersecret", "topsecret", "admin",
    "administrator", "root", "toor", "changeme", "change_me", "letmein", "qwerty", "welcome",
    "default", "guest", "test", "testing", "postgres", "mysql", "mongo", "redis", "user",
    "django", "flask", "123456", "12345678", "123456789", "abc123", "iloveyou", "dragon",
    "monkey", "master", "p@ssw0rd", "p@ssword", "secret_key", "mysecret", "mypassword",
)  # fmt: skip
WEAK_VALUE = re.compile(
    r"(?i)^(?:" + "|".join(re.escape(w) for w in _WEAK_WORDS) + r")[0-9]{0,6}!?$"
)
_ENV_EXAMPLE = re.compile(r"(?i)(?:example|sample|template|dist|defaults?)")
_CONFIG_SUFFIXES = (".py", ".ini", ".cfg", ".conf", ".yaml", ".yml", ".toml", ".json", ".env")
_KEY_VALUE = re.compile(
    r"""^\s*(?:export\s+|-\s+)?["']?(?P<key>[A-Za-z_][\w.-]*)["']?\s*[=:]\s*"""
    r"""(?P<q>["']?)(?P<value>[^"'\s#,]+)(?P=q)\s*,?\s*(?:#.*)?$"""
)
_URL_PASSWORD = re.compile(r"\b[a-z][a-z0-9+.-]*://(?P<user>[^:/@\s\"']*):(?P<pw>[^@/\s\"']+)@")
_READS_ENV = re.compile(r"\b(?:getenv|environ|config\()\b")


# CI service containers and test settings use throwaway databases (`POSTGRES_PASSWORD: postgres`
# in a workflow): not configuration anything deployed reads.
_NOT_LIVE = re.compile(
    r"(?i)(?:^|/)(?:\.github|\.gitlab|\.circleci|\.buildkite)/|(?:^|/)\.gitlab-ci\.ya?ml$"
    r"|(?:^|/)[^/]*test[^/]*$"
)


def _live_config(rel: str) -> bool:
    if _NOT_LIVE.search(rel):
        return False
    name = basename(rel)
    if name.startswith(".env") or name.endswith(".env"):
        return not _ENV_EXAMPLE.search(name)
    return name.endswith(_CONFIG_SUFFIXES) and not _ENV_EXAMPLE.search(name)


def _masked(line: str, start: int, end: int) -> str:
    # The one redaction: the weak value keeps its prefix and length, every other value on
    # the line is masked too, and the line is cut only once masked.
    return redact_line(line, [(start, end)])[:160]


def weak_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line, redacted line) for each weak credential the text sets."""
    for n, line in enumerate(split_lines(text), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", ";", "//")) or _READS_ENV.search(line):
            continue
        url = _URL_PASSWORD.search(line)
        if url and WEAK_VALUE.match(url.group("pw")):
            yield n, _masked(line, url.start("pw"), url.end("pw"))
            continue
        m = _KEY_VALUE.match(line)
        if m and credential_words(m.group("key")) and WEAK_VALUE.match(m.group("value")):
            yield n, _masked(line, m.start("value"), m.end("value"))


def weak_credentials(sub: Submission, low_weight: frozenset[str] = frozenset()) -> list[Signal]:
    """Evidence in every live config file of the submission (test and doc paths excluded)."""
    evidence = []
    for rel in sub.scannable():
        if rel in low_weight or not _live_config(rel):
            continue
        for n, shown in weak_lines(read_text(sub, rel) or ""):
            evidence.append(Evidence(rel, n, snippet=shown))
    return [Signal("weak-credential", tuple(evidence))] if evidence else []
