"""Project set-up habits: pinned dependencies, security tooling, containers not run as root."""

from __future__ import annotations

import re

from secretcheck import tomlcompat
from secretcheck.grading.model import Evidence, Signal
from secretcheck.grading.submission import Submission, basename, read_text
from secretcheck.redact import redact_line
from secretcheck.textindex import split_lines

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
_CONTAINERFILE = re.compile(r"(?i)^(?:dockerfile|containerfile)(?:\..+)?$")
_OTHER_MANIFESTS = ("Pipfile", "pyproject.toml", "setup.py", "setup.cfg", "environment.yml")
_LOCK_FILES = ("poetry.lock", "Pipfile.lock", "uv.lock", "pdm.lock", "requirements.lock")


def _requirement_lines(text: str) -> list[tuple[int, bool]]:
    out = []
    for n, raw in enumerate(split_lines(text), 1):
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
    locks = [f for f in sub.files if basename(f) in _LOCK_FILES]
    if locks:
        return [Signal("pinned-dependencies", (Evidence(locks[0]),), "lock file")]
    reqs: list[tuple[str, int, bool]] = []
    for rel in sub.files:
        if re.match(r"(?i)^requirements[\w.-]*\.txt$", basename(rel)):
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
        f
        for f in sub.files
        if re.match(r"(?i)^(?:dockerfile|containerfile)(?:\..+)?$", basename(f))
    ]
    if not files:
        return []
    good, bad = [], []
    for rel in files:
        users = [
            (n, line.split()[1])
            for n, line in enumerate(split_lines(read_text(sub, rel) or ""), 1)
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
            for n, line in enumerate(split_lines(read_text(sub, rel) or ""), 1):
                if _TOOLS.search(line) and not line.lstrip().startswith("#"):
                    evidence.append(Evidence(rel, n, snippet=redact_line(line)[:120]))
                    break
    return [Signal("security-tooling", tuple(evidence))] if evidence else []


# No scan rule covers these (the taint and configuration rules do not), so grading checks them
# itself, in code and in policy files: Flask-CORS with no origins allows every origin.
_WILDCARD = re.compile(
    r"""\bCORS\(\s*app\s*\)|\borigins\s*=\s*["']\*["']|allow_origins\s*=\s*\[\s*["']\*["']"""
    r"""|["']Action["']\s*:\s*(?:\[\s*)?["'](?:\*|\w+:\*)["']|\bactions\s*=\s*\[\s*"\*"\s*\]"""
    r"""|Access-Control-Allow-Origin["']?\s*[,:]\s*["']\*"""
)
_POLICY_SUFFIXES = (".py", ".json", ".tf", ".yaml", ".yml", ".toml")


def wildcard_access(sub: Submission) -> list[Signal]:
    """Wildcard CORS origins and IAM actions: access granted to anyone, or for anything."""
    evidence = []
    for rel in sub.scannable():
        if rel.endswith(_POLICY_SUFFIXES):
            for n, line in enumerate(split_lines(read_text(sub, rel) or ""), 1):
                if _WILDCARD.search(line) and not line.lstrip().startswith("#"):
                    evidence.append(Evidence(rel, n, snippet=redact_line(line)[:160]))
    return [Signal("wildcard-access", tuple(evidence))] if evidence else []
