"""Habit checks on small real submissions (plain folders and git repositories)."""

from __future__ import annotations

from pathlib import Path

from conftest import git

from secretcheck.grading.grade import grade_paths
from secretcheck.grading.model import Grade
from secretcheck.grading.rubric import load_rubric


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def _grade(root: Path) -> Grade:
    (grade,) = grade_paths([root], load_rubric())
    return grade


def _keys(grade: Grade, kind: str) -> set[str]:
    return {i.key for d in grade.dimensions for i in getattr(d, kind)}


def test_weak_fallback_is_deducted_redacted_and_env_read_credited(tmp_path: Path) -> None:
    _write(tmp_path, {
        "app.py": 'import os\nSECRET_KEY = os.getenv("SECRET_KEY", "dev-secret-123")\n'
                  'TOKEN = os.environ["API_TOKEN"]\n',
    })  # fmt: skip
    grade = _grade(tmp_path)
    assert {"weak-secret-fallback"} <= _keys(grade, "deductions")
    assert {"env-secret-read", "fail-fast-missing-secret"} <= _keys(grade, "credits")
    assert "dev-secret-123" not in str(grade.to_dict())


def test_committed_env_venv_and_database_are_deducted_with_paths(
    git_repo: Path,
) -> None:
    _write(git_repo, {
        ".env": "DB_PASSWORD=hunter2hunter2\n", "venv/pyvenv.cfg": "home = /usr\n",
        "data/notes.db": "x", "app.py": "x = 1\n",
    })  # fmt: skip
    git(git_repo, "add", "-A")
    git(git_repo, "commit", "-q", "-m", "initial commit")
    grade = _grade(git_repo)
    lost = {i.key: i for d in grade.dimensions for i in d.deductions}
    # The committed-env-file habit check, or the catalogue rule that replaces it (SC501).
    env_items = [i for i in lost.values() if any(e.path == ".env" for e in i.evidence)]
    assert {i.key for i in env_items} & {"committed-env-file", "SC501"}
    assert {e.path for e in lost["committed-artifact"].evidence} == {"data/notes.db", "venv/"}
    assert "single-commit" in lost and "no-tests" in lost
    assert "hunter2hunter2" not in str(grade.to_dict())


def test_injection_and_config_lines_are_graded(tmp_path: Path) -> None:
    """By the scan's taint and configuration rules (or the interim rules where none exist)."""
    _write(tmp_path, {"app.py": (
        "import sqlite3\n"
        "import requests\n"
        "from flask import Flask, request\n"
        "app = Flask(__name__)\n"
        "@app.get('/notes')\n"
        "def notes():\n"
        "    name = request.args['name']\n"
        "    db = sqlite3.connect('n.db')\n"
        "    rows = db.execute(f\"SELECT * FROM notes WHERE name = '{name}'\").fetchall()\n"
        "    requests.get('https://api.example.com/x', verify=False, timeout=5)\n"
        "    return str(rows)\n"
        "if __name__ == '__main__':\n"
        "    app.run(debug=True)\n"
    )})  # fmt: skip
    grade = _grade(tmp_path)
    injection = next(d for d in grade.dimensions if d.id == "injection")
    config = next(d for d in grade.dimensions if d.id == "configuration")
    assert [e.line for i in injection.deductions for e in i.evidence] == [9]
    assert {e.line for i in config.deductions for e in i.evidence} == {10, 13}


def test_hygiene_credits_from_gitignore_pins_tooling_tests_and_messages(git_repo: Path) -> None:
    _write(git_repo, {
        ".gitignore": ".env\n.venv/\n*.sqlite3\n__pycache__/\n",
        "requirements.txt": "flask==3.0.3\nrequests==2.32.3\n",
        ".pre-commit-config.yaml": "repos:\n  - repo: https://github.com/gitleaks/gitleaks\n",
        "tests/test_app.py": "def test_ok():\n    assert True\n",
    })  # fmt: skip
    git(git_repo, "add", "-A")
    git(git_repo, "commit", "-q", "-m", "Add project skeleton with pinned dependencies")
    _write(git_repo, {"app.py": "x = 1\n"})
    git(git_repo, "add", "-A")
    git(git_repo, "commit", "-q", "-m", "Add the notes module so tests have a target")
    got = _keys(_grade(git_repo), "credits")
    assert {
        "gitignore-env", "gitignore-venv", "gitignore-db", "gitignore-cache",
        "pinned-dependencies", "security-tooling", "tests-present", "multiple-commits",
        "descriptive-commit-messages",
    } <= got  # fmt: skip


def test_or_fallback_harmless_env_file_and_container_user(tmp_path: Path) -> None:
    _write(tmp_path, {
        "settings.py": 'import os\nSECRET_KEY = os.environ.get("SECRET_KEY") or "changeme"\n'
                       'ALLOWED_HOSTS = ["*"]\nROOT_URLCONF = "notes.urls"\n',
        ".env": "FLASK_APP=app.py\nPORT=8000\n",
        "Dockerfile": "FROM python:3.12-slim\nCOPY . /app\nCMD [\"python\", \"app.py\"]\n",
    })  # fmt: skip
    grade = _grade(tmp_path)
    lost = {i.key: i for d in grade.dimensions for i in d.deductions}
    assert lost["weak-secret-fallback"].evidence[0].line == 2
    assert "committed-env-file" not in lost  # no credential in it
    assert lost["container-runs-as-root"].evidence[0].path == "Dockerfile"
    assert any(e.line == 3 for i in lost.values() for e in i.evidence if e.path == "settings.py")
    _write(tmp_path, {"Dockerfile": "FROM python:3.12-slim\nUSER app\n"})
    assert "container-non-root" in _keys(_grade(tmp_path), "credits")


def test_commit_messages_judged_and_redacted(git_repo: Path, fake: object) -> None:
    token = fake("ghp_{{alnum:36}}")  # type: ignore[operator]
    for i, message in enumerate(["Update app.py", "Add files via upload", f"wip {token}"]):
        _write(git_repo, {f"f{i}.txt": "x\n"})
        git(git_repo, "add", "-A")
        git(git_repo, "commit", "-q", "-m", message)
    grade = _grade(git_repo)
    lost = {i.key: i for d in grade.dimensions for i in d.deductions}
    assert lost["vague-commit-messages"].count == 3
    assert token not in str(grade.to_dict())


def test_signals_step_back_when_a_catalogue_rule_checks_the_same_thing(
    tmp_path: Path, fake: object
) -> None:
    from secretcheck.grading.signals import PySource, python_signals

    rubric = load_rubric()
    assert rubric.replaced_signals({"SC101", "SC301"}) == frozenset()
    replaced = rubric.replaced_signals({"SC104", "SC501", "SC502"})
    assert replaced == {"weak-secret-fallback", "committed-env-file", "committed-key-file"}
    real = fake("{{alnum:24}}")  # type: ignore[operator]
    src = PySource("app.py", (f'SECRET_KEY = os.getenv("SECRET_KEY", "{real}")',
                              'DB_PASSWORD = os.getenv("DB_PASSWORD", "changeme")'))  # fmt: skip
    alone = {s.id: s for s in python_signals([src])}
    assert [e.line for e in alone["weak-secret-fallback"].evidence] == [1, 2]
    beside_sc104 = {s.id: s for s in python_signals([src], replaced)}
    assert [e.line for e in beside_sc104["weak-secret-fallback"].evidence] == [2]


def test_wildcard_cors_and_iam_in_code_and_policy_files(tmp_path: Path) -> None:
    _write(tmp_path, {
        "app.py": "from flask_cors import CORS\nCORS(app)\n",
        "infra/policy.json": '{"Statement": [{"Effect": "Allow", "Action": "s3:*",\n'
                             '"Resource": "*"}]}\n',
        "ok.py": 'CORS(app, origins=["https://notes.example.com"])\n',
    })  # fmt: skip
    lost = {i.key: i for d in _grade(tmp_path).dimensions for i in d.deductions}
    where = {(e.path, e.line) for e in lost["wildcard-access"].evidence}
    assert where == {("app.py", 2), ("infra/policy.json", 1)}
