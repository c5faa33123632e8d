"""Repository contents: committed env and key files, .gitignore coverage, artefacts, tests.

Works on the submission's file listing (what git tracks, or every file of a plain folder or
archive) and a few small text files. `repo_signals` gathers these with `project` (dependencies,
tooling, containers) and `commits` (the change record).
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable

from secretcheck.analysis.literals import placeholder_reason
from secretcheck.analysis.names import credential_words
from secretcheck.grading.model import Evidence, Signal
from secretcheck.grading.project import (
    containers,
    dependencies,
    security_tooling,
    wildcard_access,
)
from secretcheck.grading.submission import Submission, basename, read_text
from secretcheck.textindex import split_lines

_ENV_EXAMPLE = re.compile(
    r"(?i)^(?:\.env\.(?:example|sample|template|dist|defaults?)"
    r"|(?:example|sample)\.env|env\.(?:example|sample|template))$"
)
_ENV_FILE = re.compile(r"(?i)^(?:\.env(?:\.[\w-]+)?|[\w-]+\.env)$")
_KEY_FILES = ("id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "*.p12", "*.pfx", "*.jks", "*.keystore")
_KEY_TEXT_FILES = ("*.pem", "*.key")
_ASSIGN = re.compile(r"^\s*(?:export\s+)?(?P<key>[A-Za-z_][\w.-]*)\s*[=:]\s*(?P<value>.*?)\s*$")
_ARTIFACTS: dict[str, Callable[[str], bool]] = {
    "virtualenv": lambda p: (
        bool(re.search(r"(^|/)(\.?venv|env)/(bin|lib|Scripts|pyvenv\.cfg)", p))
        or "site-packages/" in p
    ),
    "database": lambda p: bool(re.search(r"\.(?:db|sqlite3?)$", p)),
    "cache": lambda p: (
        "__pycache__/" in p
        or p.endswith((".pyc", ".pyo"))
        or bool(re.search(r"(^|/)\.(?:pytest|mypy|ruff)_cache/", p))
    ),
    "node_modules": lambda p: "node_modules/" in p,
}
GITIGNORE_PROBES = {
    "gitignore-env": (".env", "prod.env"),
    "gitignore-venv": ("venv/", ".venv/", "env/"),
    "gitignore-db": ("app.db", "notes.sqlite", "db.sqlite3"),
    "gitignore-cache": ("__pycache__/", "module.pyc"),
}


def _assignments(text: str) -> list[tuple[int, str, str]]:
    out = []
    for n, line in enumerate(split_lines(text), 1):
        m = _ASSIGN.match(line)
        if m and not line.lstrip().startswith("#"):
            out.append((n, m.group("key"), m.group("value").strip().strip("'\"")))
    return out


def _matches(name: str, globs: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatch(name, g) for g in globs)


def _real_value(key: str, value: str) -> bool:
    return bool(credential_words(key) and value and placeholder_reason(value, key) is None)


def env_files(sub: Submission) -> list[Signal]:
    """Env examples with placeholders only (credit); env files holding credentials (deduction).

    A committed `.env` that sets only harmless keys (FLASK_APP, PORT) is not a leak.
    """
    out: list[Signal] = []
    committed, examples = [], []
    for rel in sub.files:
        name = basename(rel)
        pairs = (
            _assignments(read_text(sub, rel) or "")
            if _ENV_EXAMPLE.match(name) or (_ENV_FILE.match(name))
            else []
        )
        real = [p for p in pairs if _real_value(p[1], p[2])]
        if _ENV_EXAMPLE.match(name) and pairs and not real:
            examples.append(Evidence(rel, 1))
        elif _ENV_FILE.match(name) and not _ENV_EXAMPLE.match(name) and real:
            shown = f"{len(real)} credential values set ({', '.join(p[1] for p in real[:3])})"
            committed.append(Evidence(rel, real[0][0], snippet=shown))
    if examples:
        out.append(Signal("env-example-placeholders", tuple(examples)))
    if committed:
        out.append(Signal("committed-env-file", tuple(committed)))
    keys = []
    for rel in sub.files:
        name = basename(rel)
        if _matches(name, _KEY_FILES) or (
            _matches(name, _KEY_TEXT_FILES) and "PRIVATE KEY" in (read_text(sub, rel) or "")
        ):
            keys.append(Evidence(rel))
    if keys:
        out.append(Signal("committed-key-file", tuple(keys)))
    return out


def _ignored(patterns: list[tuple[int, str]], probe: str) -> int:
    """The .gitignore line that ignores `probe`, or 0."""
    name = probe.rstrip("/")
    for n, pattern in patterns:
        pat = pattern.strip().lstrip("/")
        if pattern.endswith("/") and not probe.endswith("/"):
            continue
        if fnmatch.fnmatch(name, pat.rstrip("/")) or fnmatch.fnmatch(name + "/", pat):
            return n
    return 0


def gitignore(sub: Submission) -> list[Signal]:
    text = read_text(sub, ".gitignore") if ".gitignore" in sub.files else None
    if text is None:
        return []
    patterns = [
        (n, line.strip())
        for n, line in enumerate(split_lines(text), 1)
        if line.strip() and not line.startswith(("#", "!"))
    ]
    out = []
    for sid, probes in GITIGNORE_PROBES.items():
        lines = sorted({n for p in probes if (n := _ignored(patterns, p))})
        if lines:
            out.append(Signal(sid, tuple(Evidence(".gitignore", n) for n in lines[:2])))
    return out


def artifacts(sub: Submission) -> list[Signal]:
    found: dict[str, str] = {}
    for rel in sub.files:
        for kind, test in _ARTIFACTS.items():
            if test(rel):
                top = rel.split("/")[0] + "/" if kind in ("virtualenv", "node_modules") else rel
                if kind == "cache" and "__pycache__/" in rel:
                    top = rel.split("__pycache__/")[0] + "__pycache__/"
                found.setdefault(top, kind)
    if not found:
        return []
    evidence = tuple(
        Evidence(path, snippet=f"committed {kind}") for path, kind in sorted(found.items())
    )
    return [Signal("committed-artifact", evidence)]


# Where each framework looks for tests: pytest (`test_*.py`, `*_test.py`), unittest and Django
# (`tests.py`, a `tests/` package anywhere, `test*.py` in it), Perl-style `t/`.
_TEST_FILE = re.compile(
    r"(?:^|/)(?:test_[^/]*|[^/]*_tests?|tests?|test[A-Z][^/]*)\.py$|(?:^|/)(?:tests?|t)/[^/]+\.py$"
)
# A test is a collected function or a TestCase/Test* class with a test method; Django's
# `startapp` tests.py ("# Create your tests here.") has neither, so it is no test.
_TEST_CODE = re.compile(
    r"^\s*(?:async\s+)?def test\w*\s*\(|^class\s+Test\w*\s*[(:]|^class\s+\w+\((?:[\w.]*\.)?"
    r"(?:TestCase|TransactionTestCase|SimpleTestCase|LiveServerTestCase|APITestCase|"
    r"IsolatedAsyncioTestCase)\)",
    re.M,
)


def is_test_file(rel: str) -> bool:
    return bool(_TEST_FILE.search(rel)) and basename(rel) not in ("__init__.py", "conftest.py")


def tests_present(sub: Submission) -> list[Signal]:
    found = []
    for rel in sub.files:
        if is_test_file(rel):
            text = read_text(sub, rel) or ""
            if _TEST_CODE.search(text) and re.search(r"^\s*(?:async\s+)?def test", text, re.M):
                found.append(Evidence(rel))
    if found:
        return [Signal("tests-present", tuple(found[:5]), f"{len(found)} test files")]
    return [Signal("no-tests", (Evidence("(no test files)"),))]


def repo_signals(sub: Submission) -> list[Signal]:
    out: list[Signal] = []
    for check in (
        containers,
        wildcard_access,
        env_files,
        gitignore,
        artifacts,
        dependencies,
        security_tooling,
        tests_present,
    ):
        out.extend(check(sub))
    return out
