"""Repository-level habits: what is committed, what is ignored, pinned, tested and recorded.

Works on the submission's file listing (what git tracks, or every file of a plain folder or
archive) and a few small text files; commit messages come from the safe git runner.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable
from pathlib import PurePosixPath

from secretcheck import tomlcompat
from secretcheck.analysis.literals import placeholder_reason
from secretcheck.analysis.names import credential_words
from secretcheck.grading.gitsafe import run_git
from secretcheck.grading.model import Evidence, Signal
from secretcheck.grading.redaction import redact_message
from secretcheck.grading.submission import Submission

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
_GITIGNORE_PROBES = {
    "gitignore-env": (".env", "prod.env"),
    "gitignore-venv": ("venv/", ".venv/", "env/"),
    "gitignore-db": ("app.db", "notes.sqlite", "db.sqlite3"),
    "gitignore-cache": ("__pycache__/", "module.pyc"),
}
_TOOLS = re.compile(
    r"(?i)\b(detect-secrets|gitleaks|secretcheck|trufflehog|ggshield|bandit|"
    r"semgrep|pip-audit|safety|codeql|dependabot|osv-scanner)\b"
)
_TOOL_FILES = (
    ".pre-commit-config.yaml",
    ".pre-commit-config.yml",
    ".gitlab-ci.yml",
    ".github/dependabot.yml",
    ".github/dependabot.yaml",
    "pyproject.toml",
    "setup.cfg",
    "tox.ini",
    "Makefile",
    ".bandit",
)
_OTHER_MANIFESTS = ("Pipfile", "pyproject.toml", "setup.py", "setup.cfg", "environment.yml")
_LOCK_FILES = ("poetry.lock", "Pipfile.lock", "uv.lock", "pdm.lock", "requirements.lock")
# Words that say nothing about a change, including GitHub's web-editor defaults ("Update
# app.py", "Add files via upload", "Create README.md" once the file name is dropped).
_VAGUE = frozenset(
    [
        "wip",
        "update",
        "updates",
        "updated",
        "fix",
        "fixes",
        "fixed",
        "change",
        "changes",
        "changed",
        "stuff",
        "asdf",
        "commit",
        "misc",
        "minor",
        "tmp",
        "test",
        "done",
        "final",
        "initial",
        "init",
        "save",
        "edits",
        "edit",
        "more",
        "code",
        "files",
        "file",
        "the",
        "some",
        "it",
        "again",
        "work",
        "progress",
        "first",
        "add",
        "added",
        "and",
        "things",
        "version",
        "v2",
        "ok",
        "create",
        "created",
        "via",
        "upload",
        "uploaded",
        "delete",
        "deleted",
        "rename",
        "renamed",
        "refactor",
        "cleanup",
        "new",
    ]
)
_FILE_NAME = re.compile(r"\S+\.[A-Za-z0-9]{1,5}\b")
MAX_READ = 512 * 1024


def read_text(sub: Submission, rel: str) -> str | None:
    path = sub.root / rel
    try:
        if path.is_symlink() or not path.is_file() or path.stat().st_size > MAX_READ:
            return None
        data = path.read_bytes()
    except OSError:
        return None
    return None if b"\0" in data[:8192] else data.decode("utf-8", "replace")


def _name(rel: str) -> str:
    return PurePosixPath(rel.rstrip("/")).name


def _assignments(text: str) -> list[tuple[int, str, str]]:
    out = []
    for n, line in enumerate(text.splitlines(), 1):
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
        name = _name(rel)
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
        name = _name(rel)
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
        for n, line in enumerate(text.splitlines(), 1)
        if line.strip() and not line.startswith(("#", "!"))
    ]
    out = []
    for sid, probes in _GITIGNORE_PROBES.items():
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


def _requirement_lines(text: str) -> list[tuple[int, bool]]:
    out = []
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.split(" #")[0].strip()
        if not line or line.startswith(("#", "-r", "-c", "--", "-e")):
            continue
        out.append((n, "==" in line or ("@" in line and "#sha" in line) or "--hash" in raw))
    return out


def _pyproject_requirements(sub: Submission) -> list[tuple[str, int, bool]] | None:
    """PEP 621 dependencies as (file, line, pinned); None when pyproject lists none that way."""
    try:
        data = tomlcompat.loads(read_text(sub, "pyproject.toml") or "")
    except tomlcompat.TOMLDecodeError:
        return None
    deps = data.get("project", {}).get("dependencies")
    if not isinstance(deps, list) or not deps:
        return None
    return [("pyproject.toml", 0, "==" in str(d)) for d in deps]


def dependencies(sub: Submission) -> list[Signal]:
    """Pinned: a lock file, or >= 80% of requirements pinned with == (or hashes)."""
    locks = [f for f in sub.files if _name(f) in _LOCK_FILES]
    if locks:
        return [Signal("pinned-dependencies", (Evidence(locks[0]),), "lock file")]
    reqs: list[tuple[str, int, bool]] = []
    for rel in sub.files:
        if re.match(r"(?i)^requirements[\w.-]*\.txt$", _name(rel)):
            lines = _requirement_lines(read_text(sub, rel) or "")
            reqs.extend((rel, n, pinned) for n, pinned in lines)
    if not reqs and "pyproject.toml" in sub.files:
        reqs = _pyproject_requirements(sub) or []
    if not reqs:
        manifests = [f for f in sub.files if f in _OTHER_MANIFESTS]
        if manifests:  # Pipfile, poetry or setup.py ranges with no lock file
            return [Signal("unpinned-dependencies", (Evidence(manifests[0]),), "no lock file")]
        if any(f.endswith(".py") for f in sub.files):
            return [Signal("unpinned-dependencies", (Evidence("(no dependency manifest)"),))]
        return []
    pinned = [r for r in reqs if r[2]]
    detail = f"{len(pinned)}/{len(reqs)} pinned"
    if len(pinned) >= 0.8 * len(reqs):
        return [Signal("pinned-dependencies", (Evidence(reqs[0][0]),), detail)]
    loose = tuple(Evidence(p, n) for p, n, ok in reqs if not ok)
    return [Signal("unpinned-dependencies", loose[:5], detail)]


def containers(sub: Submission) -> list[Signal]:
    """Dockerfiles: a non-root USER is least privilege; none at all runs the app as root."""
    files = [
        f for f in sub.files if re.match(r"(?i)^(?:dockerfile|containerfile)(?:\..+)?$", _name(f))
    ]
    if not files:
        return []
    good, bad = [], []
    for rel in files:
        users = [
            (n, line.split()[1])
            for n, line in enumerate((read_text(sub, rel) or "").splitlines(), 1)
            if re.match(r"(?i)^\s*USER\s+\S", line)
        ]
        if users and users[-1][1].split(":")[0] not in ("root", "0"):
            good.append(Evidence(rel, users[-1][0]))
        else:
            bad.append(Evidence(rel, users[-1][0] if users else 0))
    out = []
    if good:
        out.append(Signal("container-non-root", tuple(good)))
    if bad:
        out.append(Signal("container-runs-as-root", tuple(bad)))
    return out


def security_tooling(sub: Submission) -> list[Signal]:
    evidence = []
    for rel in sub.files:
        if rel in _TOOL_FILES or rel.startswith(".github/workflows/"):
            for n, line in enumerate((read_text(sub, rel) or "").splitlines(), 1):
                if _TOOLS.search(line) and not line.lstrip().startswith("#"):
                    evidence.append(Evidence(rel, n, snippet=line.strip()[:120]))
                    break
    return [Signal("security-tooling", tuple(evidence))] if evidence else []


def tests_present(sub: Submission) -> list[Signal]:
    found = []
    for rel in sub.files:
        name = _name(rel)
        if rel.endswith(".py") and (
            name.startswith("test_") or name.endswith("_test.py") or rel.startswith("tests/")
        ):
            text = read_text(sub, rel) or ""
            if re.search(r"^\s*(?:async\s+)?def test_|unittest\.TestCase", text, re.M):
                found.append(Evidence(rel))
    if found:
        return [Signal("tests-present", tuple(found[:5]), f"{len(found)} test files")]
    return [Signal("no-tests", (Evidence("(no test files)"),))]


def _descriptive(subject: str) -> bool:
    """At least three words, and some of them say what changed beyond a verb and a file name."""
    words = [
        w for w in re.findall(r"[A-Za-z0-9']+", _FILE_NAME.sub(" ", subject).lower()) if len(w) < 20
    ]  # a pasted token says nothing
    return len(subject) >= 12 and len(words) >= 3 and not all(w in _VAGUE for w in words)


def commits(sub: Submission) -> list[Signal]:
    if not sub.is_git:
        return []
    raw = run_git(sub.root, "log", "--no-color", "--no-merges", "--format=%H%x1f%s%x1e", "HEAD")
    entries = [e.strip("\n").split("\x1f", 1) for e in raw.decode("utf-8", "replace").split("\x1e")]
    log = [(e[0], e[1]) for e in entries if len(e) == 2]
    if len(log) <= 1:
        return [
            Signal(
                "single-commit",
                tuple(Evidence(commit=sha, snippet=redact_message(s)) for sha, s in log),
            )
        ]
    out = [
        Signal(
            "multiple-commits",
            (Evidence(commit=log[0][0], snippet=redact_message(log[0][1])),),
            f"{len(log)} commits",
        )
    ]
    good = [(sha, s) for sha, s in log if _descriptive(s)]
    vague = [(sha, s) for sha, s in log if not _descriptive(s)]
    ratio = f"{len(good)}/{len(log)} descriptive"
    if len(good) >= 0.6 * len(log):
        ev = tuple(Evidence(commit=sha, snippet=redact_message(s)[:100]) for sha, s in good[:3])
        out.append(Signal("descriptive-commit-messages", ev, ratio))
    elif len(good) <= 0.3 * len(log):
        ev = tuple(Evidence(commit=sha, snippet=redact_message(s)[:100]) for sha, s in vague[:5])
        out.append(Signal("vague-commit-messages", ev, ratio))
    return out


def repo_signals(sub: Submission) -> list[Signal]:
    out: list[Signal] = []
    for check in (
        containers,
        env_files,
        gitignore,
        artifacts,
        dependencies,
        security_tooling,
        tests_present,
        commits,
    ):
        out.extend(check(sub))
    return out
