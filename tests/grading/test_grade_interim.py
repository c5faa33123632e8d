"""Interim line rules: what they flag, what they must not, and that real rules replace them."""

from __future__ import annotations

import pytest

from secretcheck.grading.interim import LINE_RULES, active_rules, interim_findings
from secretcheck.rulepacks import build_catalogue, load_catalogue

CASES = [
    ("cur.execute(f\"SELECT * FROM notes WHERE owner = '{user}'\")", "sql-built-from-strings"),
    ('q = f"select {cols} from notes where id = {i}"', "sql-built-from-strings"),
    ("conn.execute(\"SELECT id FROM n WHERE u = '%s'\" % user)", "sql-built-from-strings"),
    ('sql = "DELETE FROM notes WHERE id = " + note_id', "sql-built-from-strings"),
    ("subprocess.run(cmd, shell=True)", "shell-command"),
    ("requests.get(url, verify=False)", "tls-verification-off"),
    ("app.run(debug=True)", "debug-on"),
    ('ALLOWED_HOSTS = ["*"]', "debug-on"),
    ("data = yaml.load(stream)", "unsafe-yaml-load"),
    ("os.chmod(path, 0o777)", "world-writable"),
    ("digest = hashlib.md5(password.encode()).hexdigest()", "weak-password-hash"),
    ("token = ''.join(random.choice(alphabet) for _ in range(20))", "weak-token-randomness"),
]
HARD_NEGATIVES = [
    'flash(f"Update {n} notes")',
    'msg = f"Select {n} items from the list"',
    'cur.execute("SELECT * FROM notes WHERE id = ?", (note_id,))',
    "subprocess.run(['git', 'status'], check=True)",
    "model.eval()",
    "requests.get(url, verify=True, timeout=5)",
    "app.run(debug=os.environ.get('FLASK_DEBUG') == '1')",
    "data = yaml.load(stream, Loader=yaml.SafeLoader)",
    "os.chmod(path, 0o600)",
    "h = hashlib.sha256(file_bytes).hexdigest()",
    "# requests.get(url, verify=False)",
]


@pytest.mark.parametrize(("line", "rule"), CASES, ids=[c[1] + f"-{i}" for i, c in enumerate(CASES)])
def test_flags(line: str, rule: str) -> None:
    found = {f.rule_name for f in interim_findings(LINE_RULES, [("app.py", (line,))])}
    assert rule in found


@pytest.mark.parametrize("line", HARD_NEGATIVES)
def test_does_not_flag(line: str) -> None:
    assert not list(interim_findings(LINE_RULES, [("app.py", (line,))]))


def test_a_catalogue_rule_of_the_category_switches_the_interim_rule_off() -> None:
    covered = {r.category for r in load_catalogue().active()}
    expected = {r.name for r in LINE_RULES if r.category not in covered}
    assert {r.name for r in active_rules(load_catalogue())} == expected
    assert {r.name for r in active_rules(build_catalogue([]))} == {r.name for r in LINE_RULES}
    tls_rule = "\n".join([
        'code = "SC520"', 'name = "tls-verify-disabled"', 'category = "tls"', 'cwe = "CWE-295"',
        'severity = "high"', 'confidence = "high"', 'summary = "s"', 'message = "m"',
        'fix = "f"', 'engine = "cst"', 'check = "tls"',
    ])  # fmt: skip
    with_tls = build_catalogue([("rules/config/SC520.toml", tls_rule)])  # only tls covered
    names = {r.name for r in active_rules(with_tls)}
    assert "tls-verification-off" not in names and "debug-on" in names


def test_suppression_comments_mark_findings_suppressed() -> None:
    (finding,) = interim_findings(LINE_RULES, [("app.py", ("app.run(debug=True)  # nosec",))])
    assert finding.suppressed and finding.snippet == "app.run(debug=True)  # nosec"
