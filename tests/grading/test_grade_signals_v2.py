"""Hard negatives for the v2 signals: weak credentials, test conventions, generated files and
framework defaults, knockout stacking. Each rule of thumb is pinned from both sides."""

from __future__ import annotations

from pathlib import Path

import pytest

from secretcheck.findings import Confidence, Finding, Severity, Span
from secretcheck.grading.grade import grade_paths
from secretcheck.grading.repo import is_test_file
from secretcheck.grading.rubric import load_rubric
from secretcheck.grading.score import knockouts
from secretcheck.grading.signals import PySource, is_framework_default, is_generated
from secretcheck.grading.weak import WEAK_VALUE, weak_lines

RUBRIC = load_rubric()


@pytest.mark.parametrize(
    "line",
    [
        "POSTGRES_PASSWORD=supersecret123",
        "  MYSQL_ROOT_PASSWORD: password",
        'SQLALCHEMY_DATABASE_URI = "mysql+pymysql://root:password@localhost/notes"',
        "export DB_PASS=changeme",
        'ADMIN_PASSWORD = "admin123"',
        "redis_url: redis://:secret@cache:6379/0",
    ],
)
def test_weak_credentials_flagged(line: str) -> None:
    ((number, shown),) = list(weak_lines(line))
    assert number == 1 and "redacted" in shown


@pytest.mark.parametrize(
    "line",
    [
        "POSTGRES_PASSWORD=k3Jx9!qPzL0w",  # not a dictionary password: entropy rules' job
        'PASSWORD = os.getenv("DB_PASSWORD", "password")',  # weak-secret-fallback's job
        "DB_PASSWORD=${DB_PASSWORD}",  # a reference, not a value
        "# POSTGRES_PASSWORD=postgres",  # commented out
        "POSTGRES_USER=postgres",  # not a credential name
        "url = https://user:{{token}}@example.com",  # a template
        "password_min_length: 12",
    ],
)
def test_weak_credentials_not_flagged(line: str) -> None:
    assert list(weak_lines(line)) == []


def test_weak_value_is_dictionary_like_only() -> None:
    assert WEAK_VALUE.match("Password1!") and WEAK_VALUE.match("root")
    assert not WEAK_VALUE.match("passwordless-login-token") and not WEAK_VALUE.match("r00tBeer7")


def _tree(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def test_weak_credential_only_in_live_config(tmp_path: Path) -> None:
    live = _tree(tmp_path / "live", {".env": "DB_PASSWORD=password\n", "app.py": "x = 1\n"})
    example = _tree(tmp_path / "example", {".env.example": "DB_PASSWORD=password\n",
                                           "tests/settings.py": 'PASSWORD = "password"\n',
                                           "docs/setup.md": "DB_PASSWORD=password\n",
                                           ".github/workflows/ci.yml":
                                               "env:\n  POSTGRES_PASSWORD: postgres\n",
                                           "docker-compose.test.yml":
                                               "  MYSQL_ROOT_PASSWORD: root\n",
                                           "app.py": "x = 1\n"})  # fmt: skip
    grades = {g.name: g for g in grade_paths([live, example], RUBRIC, jobs=1)}
    keys = {n: {i.key for d in g.dimensions for i in d.deductions} for n, g in grades.items()}
    # SC120 (weak-default-credential) checks the same thing, so the signal steps back for it
    # (rubric `replaced_by`): the live tree loses points under one of the two keys, never both.
    weak = {"weak-credential", "SC120"}
    assert len(weak & keys["live"]) == 1 and not weak & keys["example"]


@pytest.mark.parametrize(
    ("path", "is_test"),
    [("api/tests.py", True), ("api/tests/test_views.py", True), ("t/basic.py", True),
     ("pkg/test_utils.py", True), ("pkg/utils_test.py", True), ("pkg/tests/__init__.py", False),
     ("conftest.py", False), ("pkg/testing.py", False), ("contest.py", False),
     ("latest.py", False)],
)  # fmt: skip
def test_test_files_by_framework_convention(path: str, is_test: bool) -> None:
    assert is_test_file(path) is is_test


def test_startapp_tests_py_is_no_test_and_a_real_one_is(tmp_path: Path) -> None:
    stub = "from django.test import TestCase\n\n# Create your tests here.\n"
    real = stub + "\n\nclass T(TestCase):\n    def test_one(self):\n        self.assertTrue(True)\n"
    empty = _tree(tmp_path / "empty", {"api/tests.py": stub, "api/views.py": "x = 1\n"})
    full = _tree(tmp_path / "full", {"api/tests.py": real, "api/views.py": "x = 1\n"})
    grades = {g.name: g for g in grade_paths([empty, full], RUBRIC, jobs=1)}
    assert "tests-present" in {s.id for s in grades["full"].positives}
    assert "tests-present" not in {s.id for s in grades["empty"].positives}


def test_generated_and_default_lines_earn_nothing() -> None:
    assert is_framework_default('    "django.middleware.csrf.CsrfViewMiddleware",')
    assert is_framework_default("'django.middleware.security.SecurityMiddleware',")
    assert not is_framework_default("    'csp.middleware.CSPMiddleware',")
    assert not is_framework_default("SESSION_COOKIE_SECURE = True")
    assert is_generated(PySource("m/0001_initial.py", ("# Generated by Django 5.0 on 2026",)))
    assert not is_generated(PySource("app.py", ("# Generates reports", "import os")))
    assert RUBRIC.earns_no_credit("orders/migrations/0001_initial.py")
    assert RUBRIC.earns_no_credit("poetry.lock") and not RUBRIC.earns_no_credit("orders/views.py")


def _key(path: str, line: int, code: str = "SC308") -> Finding:
    return Finding(code, "google-api-key", "secret", "CWE-798", Severity.HIGH, Confidence.HIGH,
                   path, Span(line, 1, line, 9), "m", "k = 'AIza…[35 chars redacted]'")  # fmt: skip


def test_knockouts_stack_down_to_the_floor_and_skip_tests() -> None:
    _, one = knockouts(RUBRIC, [_key("app.py", 3)], [], [])
    _, two = knockouts(RUBRIC, [_key("app.py", 3), _key("cli.py", 9)], [], [])
    _, many = knockouts(RUBRIC, [_key("app.py", n) for n in range(1, 20)], [], [])
    assert one == 30 and two == 25 and many == RUBRIC.cap_floor == 20
    caps, none = knockouts(RUBRIC, [_key("tests/test_app.py", 3)], [], [])
    assert none is None and caps == ()
    low = _key("app.py", 3).with_changes(confidence=Confidence.MEDIUM)
    assert knockouts(RUBRIC, [low], [], [])[1] is None  # shape-only guesses never cap


def test_a_removed_live_key_caps_less_than_one_at_head() -> None:
    from secretcheck.gitlog import Commit
    from secretcheck.history import HistoryFinding

    commit = Commit("c" * 40, "A", "a@example.invalid", "2026-01-01T00:00:00+00:00", 1767225600)
    removed = HistoryFinding(_key("app.py", 3), commit, "removed")
    present = HistoryFinding(_key("app.py", 3), commit, "present")
    caps, limit = knockouts(RUBRIC, [], [removed], [])
    assert limit == 60 and caps[0].id == "live-key-in-history"
    assert caps[0].evidence[0].commit == "c" * 40
    assert knockouts(RUBRIC, [], [present], [])[1] is None  # charged by the HEAD scan instead
    assert knockouts(RUBRIC, [_key("app.py", 3)], [removed], [])[1] == 25  # stacked


def _commit_as(repo: Path, name: str, email: str, files: dict[str, str], when: int) -> None:
    import os
    import subprocess

    _tree(repo, files)
    env = {**os.environ, "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email,
           "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email,
           "GIT_AUTHOR_DATE": f"{when} +0000", "GIT_COMMITTER_DATE": f"{when} +0000",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}  # fmt: skip
    for args in (["add", "-A"], ["commit", "-q", "-m", f"work by {name} at {when}"]):
        subprocess.run(["git", "-C", str(repo), *args], env=env, check=True, capture_output=True)


def test_one_candidate_with_two_emails_is_not_a_skeleton(tmp_path: Path) -> None:
    from secretcheck.grading.base import infer_base

    repo = tmp_path / "r"
    repo.mkdir()
    import subprocess

    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    _commit_as(repo, "Dana Lee", "dana@laptop.example", {"a.py": "x = 1\n"}, 1767225600)
    _commit_as(repo, "Dana Lee", "123+dana@users.noreply.github.com", {"b.py": "y = 2\n"},
               1767229200)  # fmt: skip
    assert infer_base(repo) is None
    _commit_as(repo, "Acme Hiring", "hiring@acme.example", {"c.py": "z = 3\n"}, 1767232800)
    assert infer_base(repo) is None  # the last author wrote nothing first: no leading run
    other = tmp_path / "o"
    other.mkdir()
    subprocess.run(["git", "init", "-q", str(other)], check=True)
    _commit_as(other, "Acme Hiring", "hiring@acme.example", {"a.py": "x = 1\n"}, 1767225600)
    _commit_as(other, "Dana Lee", "dana@laptop.example", {"b.py": "y = 2\n"}, 1767229200)
    base = infer_base(other)
    assert base is not None and base.how == "inferred" and "Acme Hiring" in base.note


def test_a_commit_claiming_tests_that_were_not_found_is_said(tmp_path: Path) -> None:
    import subprocess

    repo = tmp_path / "claims"
    repo.mkdir()
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    _commit_as(repo, "Dana Lee", "dana@example.invalid", {"app.py": "x = 1\n"}, 1767225600)
    _commit_as(repo, "Dana Lee", "dana@example.invalid",
               {"checks/verify_notes.py": "def check_notes():\n    assert True\n"},
               1767229200)  # fmt: skip
    subprocess.run(["git", "-C", str(repo), "commit", "-q", "--amend", "-m",
                    "Wrote unit tests for the notes store"], check=True,
                   env={"GIT_AUTHOR_NAME": "Dana Lee", "GIT_AUTHOR_EMAIL": "dana@example.invalid",
                        "GIT_COMMITTER_NAME": "Dana Lee",
                        "GIT_COMMITTER_EMAIL": "dana@example.invalid",
                        "PATH": "/usr/bin:/bin"})  # fmt: skip
    (grade,) = grade_paths([repo], RUBRIC, jobs=1)
    (note,) = [n for n in grade.notes if n.startswith("No test file was found")]
    assert "Wrote unit tests" in note
    quiet = _tree(tmp_path / "quiet", {"app.py": "x = 1\n"})
    (plain,) = grade_paths([quiet], RUBRIC, jobs=1)
    assert not [n for n in plain.notes if n.startswith("No test file")]
