"""Inline suppressions: on the line or anywhere on the statement, in every comment syntax."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import located, run_cli, write_tree

from secretcheck.api import scan_text
from secretcheck.examples import expand
from secretcheck.suppress import directive_columns, ignore_marks, python_statements

TOKEN = "{{crc_token:ghp}}"
PASSWORD = "{{password:16}}"


def states(text: str, filename: str) -> set[tuple[int, str, bool]]:
    """(line, rule, suppressed) of every finding in `text` scanned as `filename`."""
    return {(f.span.line, f.rule_id, f.suppressed) for f in scan_text(text, filename).findings}


@pytest.mark.parametrize(
    ("filename", "template", "line"),
    [
        ("config.yaml", "auth:\n  token: {t}  # secretcheck: ignore\n", 2),
        ("config.yml", "auth:\n  token: {t}  # secretcheck: ignore[SC303]\n", 2),
        (".env", "GH_TOKEN={t} # secretcheck: ignore\n", 1),
        ("settings.toml", 'token = "{t}" # secretcheck: ignore[SC3]\n', 1),
        ("deploy.sh", "#!/bin/sh\nexport GH_TOKEN={t} # secretcheck: ignore\n", 2),
        ("app.js", 'const t = "{t}"; // secretcheck: ignore\n', 1),
        ("page.html", '<meta content="{t}"> <!-- secretcheck: ignore -->\n', 1),
        ("app.py", 'GH = "{t}"  # secretcheck: ignore\n', 1),
        ("app.py", 'GH = "{t}"  # pragma: allowlist secret\n', 1),
        ("config.yaml", "# pragma: allowlist nextline secret\ntoken: {t}\n", 2),
    ],
)
def test_comment_forms_in_each_file_type(filename: str, template: str, line: int) -> None:
    text = template.format(t=expand(TOKEN))
    found = states(text, filename)
    assert (line, "SC303", True) in found
    # Every finding on the flagged line is suppressed, and the directive is not a finding.
    assert {f for f in found if f[0] == line} == {f for f in found if f[0] == line and f[2]}
    assert all(rule != "SC102" for _, rule, _ in found)


def test_code_list_suppresses_only_those_codes() -> None:
    text = f'GH = "{expand(TOKEN)}"  # secretcheck: ignore[SC101, SC4]\n'
    assert (1, "SC303", False) in states(text, "app.py")


def test_multi_line_statement_any_line() -> None:
    password = expand(PASSWORD)
    call = ["conn = psycopg2.connect(", '    host="db",', f'    password="{password}",', ")"]
    for index in range(len(call)):
        lines = list(call)
        lines[index] += "  # secretcheck: ignore[SC101]"
        assert states("\n".join(lines) + "\n", "db.py") == {(3, "SC101", True)}, index
    # A comment on the line after the statement does not reach into it.
    text = "\n".join([*call, "# secretcheck: ignore"]) + "\n"
    assert states(text, "db.py") == {(3, "SC101", False)}


def test_multi_line_string_and_function_default() -> None:
    token = expand(TOKEN)
    text = f'TOKEN = """\n{token}\n"""  # secretcheck: ignore\n'
    assert {s for _, _, s in states(text, "a.py")} == {True}
    password = expand(PASSWORD)
    text = (
        f'def login(\n    user,\n    password="{password}",\n):  # secretcheck: ignore\n    pass\n'
    )
    assert states(text, "a.py") == {(3, "SC101", True)}


def test_detect_secrets_pragma_on_yaml_keyword_finding() -> None:
    # YAML keys are read by the config reader (SC110); the detect-secrets pragma applies to it.
    secret = expand("{{alnum:18}}")
    text = f"database:\n  password: {secret}  # pragma: allowlist secret\n"
    assert states(text, "config.yaml") == {(2, "SC110", True)}
    assert states(text.replace("  # pragma: allowlist secret", ""), "config.yaml") == {
        (2, "SC110", False)
    }


def test_suppressed_findings_stay_in_json_and_do_not_fail(tmp_path: Path) -> None:
    token, password = expand(TOKEN), expand(PASSWORD)
    write_tree(
        tmp_path,
        {
            "a.yaml": f"token: {token}  # secretcheck: ignore\n",
            "b.py": f'PASSWORD = "{password}"  # pragma: allowlist secret\n',
            "c.env": f"# pragma: allowlist nextline secret\nGH={token}\n",
        },
    )
    result = run_cli("scan", "--format", "json", ".", cwd=tmp_path)
    assert result.exit_code == 0
    report = result.json()
    assert located(report) == set()
    assert located(report, suppressed=True) == {
        ("a.yaml", 1, "SC303"),
        ("b.py", 1, "SC101"),
        ("c.env", 2, "SC303"),
    }
    # Text output counts them but does not list them.
    text = run_cli("scan", ".", cwd=tmp_path)
    assert text.exit_code == 0
    assert text.stdout == "0 findings in 3 files; 3 suppressed. OK: nothing at or above 'low'\n"


def test_ignore_marks_parsing() -> None:
    lines = [
        "x  # secretcheck: ignore",
        "y  # secretcheck: ignore[sc101, SC3]",
        "z  # pragma: allowlist nextline secret",
        "w",
        "v  # secretcheck:ignore[]",
    ]
    assert ignore_marks(lines) == {
        1: frozenset({"ALL"}),
        2: frozenset({"SC101", "SC3"}),
        4: frozenset({"ALL"}),
        5: frozenset(),
    }


def test_directive_columns() -> None:
    line = 'k = "v"  # secretcheck: ignore[SC1] and # pragma: allowlist secret'
    spans = directive_columns(line)
    assert [line[a:b] for a, b in spans] == [
        "secretcheck: ignore[SC1]",
        "pragma: allowlist secret",
    ]
    assert directive_columns("no directive here") == []


def test_python_statements_cover_continuations() -> None:
    text = "a = (1,\n     2)\nb = 3\nif a:\n    c = [\n        4]\n"
    assert python_statements(text) == [(1, 2), (3, 3), (4, 4), (5, 6), (7, 7)]
