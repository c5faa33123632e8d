"""Which files of an unpacked sdist are *library code*, and how many lines they hold.

Library code is what a project ships for its callers to import or load: `.py`/`.pyi` sources and
config files (`.cfg .ini .toml .yaml .yml .json .conf .properties .env`) outside tests and docs.
A file is test or docs code when any folder on its path inside the sdist is one of

- tests: `test tests testing t` (celery keeps its suite in `t/`), `fixtures fixture testdata
  test_data testproject unittests integration`, or the file is `test_*.py`, `*_test.py`,
  `*_tests.py`, `conftest.py`, `runtests.py`, `tox.ini`, `noxfile.py`;
- docs: `doc docs examples example demo samples` (documentation and its example code);
- build glue at the sdist root (`setup.py`, `setup.cfg`, `pyproject.toml`), which no caller
  imports, is counted apart as "build".

The rules are written from the nine projects' own layouts, not from secretcheck's path contexts,
so that the benchmark does not grade secretcheck by its own definition.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

CODE_SUFFIXES = frozenset({".py", ".pyi"})
CONFIG_SUFFIXES = frozenset(
    {".cfg", ".ini", ".toml", ".yaml", ".yml", ".json", ".conf", ".properties", ".env"}
)
TEST_DIRS = frozenset(
    {"test", "tests", "testing", "t", "fixtures", "fixture", "testdata", "test_data",
     "testproject", "unittests", "integration"}
)  # fmt: skip
DOCS_DIRS = frozenset({"doc", "docs", "examples", "example", "demo", "samples"})
TEST_FILES = frozenset({"conftest.py", "runtests.py", "tox.ini", "noxfile.py"})
BUILD_FILES = frozenset({"setup.py", "setup.cfg", "pyproject.toml"})


@dataclass(frozen=True)
class FileClass:
    project: str  # the sdist folder, e.g. "flask-3.1.3"
    kind: str  # "library", "test", "docs", "build" or "other" (not code or config)


def classify(relpath: str) -> FileClass:
    """The class of `relpath`, a POSIX path relative to the corpus root (`<sdist>/...`)."""
    parts = PurePosixPath(relpath).parts
    project, inner = parts[0], parts[1:]
    if not inner:
        return FileClass(project, "other")
    name = inner[-1].lower()
    suffix = PurePosixPath(name).suffix
    if (
        suffix not in CODE_SUFFIXES
        and suffix not in CONFIG_SUFFIXES
        and not name.startswith(".env")
    ):
        return FileClass(project, "other")
    folders = {p.lower() for p in inner[:-1]}
    if folders & TEST_DIRS or name in TEST_FILES:
        return FileClass(project, "test")
    if name.startswith("test_") or name.endswith(("_test.py", "_tests.py")):
        return FileClass(project, "test")
    if folders & DOCS_DIRS:
        return FileClass(project, "docs")
    if len(inner) == 1 and name in BUILD_FILES:
        return FileClass(project, "build")
    return FileClass(project, "library")


def count_lines(path: Path) -> int:
    """Lines as secretcheck counts them: newlines plus one for a last unterminated line."""
    data = path.read_bytes()
    if not data:
        return 0
    return data.count(b"\n") + (0 if data.endswith(b"\n") else 1)


@dataclass
class Inventory:
    """Library files of a corpus, with line counts per file and per project."""

    files: dict[str, int]  # relpath -> lines, library files only
    by_kind: dict[str, tuple[int, int]]  # kind -> (files, lines), code and config only

    @property
    def lines(self) -> int:
        return sum(self.files.values())

    def project_lines(self) -> dict[str, int]:
        totals: dict[str, int] = {}
        for rel, lines in self.files.items():
            project = rel.split("/", 1)[0]
            totals[project] = totals.get(project, 0) + lines
        return dict(sorted(totals.items()))


def inventory(corpus: Path) -> Inventory:
    files: dict[str, int] = {}
    by_kind: dict[str, tuple[int, int]] = {}
    for path in sorted(corpus.rglob("*")):
        if not path.is_file() or path.is_symlink():
            continue
        rel = path.relative_to(corpus).as_posix()
        kind = classify(rel).kind
        if kind == "other":
            continue
        lines = count_lines(path)
        n, total = by_kind.get(kind, (0, 0))
        by_kind[kind] = (n + 1, total + lines)
        if kind == "library":
            files[rel] = lines
    return Inventory(files, dict(sorted(by_kind.items())))
