"""Shapes taken from real projects (the realcode benchmark's nine sdists), through the CLI.

Each test rebuilds, with fresh fake values, a layout that made secretcheck noisy on code nobody
here wrote: SQLAlchemy's docstrings, Django's session-key constants, ansible's YAML options,
celery's `t/` suite and requests' test certificates.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import run_cli, write_tree

from secretcheck.examples import expand


def scan_json(root: Path, *args: str) -> tuple[int, dict[str, Any]]:
    result = run_cli("scan", "--format", "json", "--no-cache", *args, ".", cwd=root)
    assert result.exception is None
    return result.exit_code, result.json()


def test_library_placeholders_are_quiet(tmp_path: Path) -> None:
    write_tree(tmp_path, {
        "lib/dialects/oracle.py": (
            '"""Connect::\n\n'
            '    e = create_engine("oracle+oracledb://scott:tiger@localhost/xe")\n'
            '    e = create_engine("mysql+pymysql://user:pass@localhost/test")\n\n'
            "ODBC: ``DSN=some_dsn;UID=scott;PWD=tiger``\n"
            '"""\n'
        ),
        "lib/auth.py": 'SESSION_KEY = "_auth_user_id"\nCSRF_SESSION_KEY = "_csrftoken"\n',
        "lib/backends/redis.py": (
            "class Backend:\n"
            "    def __init__(self, host=None, port=None, db=None, password=None,\n"
            "                 url=None):\n"
            "        self.password = password\n"
        ),
        "lib/lexer.py": 'def f(token):\n    if token == "#bygroup":\n        return 1\n',
        "roles/user/tasks/main.yml": "- user:\n    name: deploy\n    update_password: always\n",
    })  # fmt: skip
    code, report = scan_json(tmp_path)
    assert code == 0, report["findings"]
    assert report["findings"] == []


def test_a_real_password_in_the_same_shapes_is_still_reported(tmp_path: Path) -> None:
    password = expand("{{alnum:14}}", seed="realcode")
    write_tree(tmp_path, {
        "lib/engine.py": f'e = create_engine("oracle+oracledb://scott:{password}@db.internal/xe")\n',
        "lib/auth.py": f'SESSION_SECRET = "{password}"\n',
        "roles/user/tasks/main.yml": f"- user:\n    name: deploy\n    password: {password}\n",
    })  # fmt: skip
    code, report = scan_json(tmp_path)
    assert code == 1
    found = {(f["path"], f["line"], f["rule_id"]) for f in report["findings"]}
    assert found == {
        ("lib/engine.py", 1, "SC311"),
        ("lib/auth.py", 1, "SC101"),
        ("roles/user/tasks/main.yml", 3, "SC110"),
    }
    for finding in report["findings"]:
        assert password not in finding["snippet"]


def test_key_file_and_its_pem_are_one_finding_lowered_in_tests(tmp_path: Path) -> None:
    write_tree(tmp_path, {
        "deploy/server.key": expand("{{pem:rsa}}\n", seed="deploy"),
        "tests/certs/server.key": expand("{{pem:rsa}}\n", seed="tests"),
    })  # fmt: skip
    code, report = scan_json(tmp_path)
    assert code == 1
    by_path = {f["path"]: f for f in report["findings"]}
    assert len(report["findings"]) == 2 and set(by_path) == {"deploy/server.key",
                                                              "tests/certs/server.key"}  # fmt: skip
    for finding in by_path.values():
        assert finding["rule_id"] == "SC309"
        assert "SC502" in finding["also_matched"]
    assert by_path["deploy/server.key"]["severity"] == "critical"
    assert by_path["tests/certs/server.key"]["severity"] == "high"
    # Only the file rule on: it still reports the key file, once, lowered in the test folder.
    code, hygiene = scan_json(tmp_path, "--select", "SC502")
    assert code == 1
    assert {(f["path"], f["rule_id"], f["severity"]) for f in hygiene["findings"]} == {
        ("deploy/server.key", "SC502", "high"),
        ("tests/certs/server.key", "SC502", "medium"),
    }


def test_celery_t_folder_is_test_code(tmp_path: Path) -> None:
    key = expand('KEY1 = """{{pem:rsa}}"""\n', seed="celery")
    write_tree(tmp_path, {"t/unit/security/__init__.py": key, "celery/security/keys.py": key})
    code, report = scan_json(tmp_path)
    assert code == 1
    severity = {f["path"]: f["severity"] for f in report["findings"] if f["rule_id"] == "SC309"}
    assert severity == {
        "celery/security/keys.py": "critical",
        "t/unit/security/__init__.py": "high",
    }


def test_docs_and_examples_lower_every_rule_not_only_secrets(tmp_path: Path) -> None:
    app = 'from flask import Flask\n\napp = Flask(__name__)\n\nif __name__ == "__main__":\n'
    app += "    app.run(debug=True)\n"
    write_tree(tmp_path, {"app.py": app, "examples/app.py": app, "docs/app.py": app})
    code, report = scan_json(tmp_path, "--select", "SC223")
    assert code == 1
    severity = {f["path"]: f["severity"] for f in report["findings"]}
    assert set(severity) == {"app.py", "examples/app.py", "docs/app.py"}
    order = ["info", "low", "medium", "high", "critical"]
    assert order.index(severity["examples/app.py"]) == order.index(severity["app.py"]) - 1
    assert order.index(severity["docs/app.py"]) == order.index(severity["app.py"]) - 1


def test_entropy_rule_skips_volume_uuids_boundaries_and_digests(tmp_path: Path) -> None:
    lvm = expand(
        "{{alnum:6}}-{{alnum:4}}-{{alnum:4}}-{{alnum:4}}-{{alnum:4}}-{{alnum:4}}-{{alnum:6}}"
    )
    write_tree(tmp_path, {
        "facts.py": f"LSBLK_UUIDS = {{'/dev/sda1': '{lvm}'}}\n",
        "form.py": expand('BOUNDARY = "----WebKitFormBoundary{{alnum:16}}"\n'),
        "wheel.py": expand('RECORD = {"sha256": "{{base64:43}}"}\n'),
        "key.py": expand('blob = "{{base64:44}}"\n', seed="entropy"),
    })  # fmt: skip
    code, report = scan_json(tmp_path, "--select", "SC401")
    assert code == 1
    assert {(f["path"], f["rule_id"]) for f in report["findings"]} == {("key.py", "SC401")}
