"""The Python checks on one realistic module: exact (line, code) sets, from `# expect:` marks.

A `# expect: SC1xx` comment on the line before a statement says which rule must fire on that
line; every other line must stay silent. Secrets are templates, expanded at test time.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from secretcheck.api import scan_text
from secretcheck.examples import expand

MODULE = """
import os, smtplib, hmac
import requests, jwt, psycopg2
from dataclasses import dataclass, field
from pydantic import BaseModel, Field

# expect: SC101
DATABASEPASSWORD = "{{password:16}}"
# expect: SC101
apiKey: str = "{{alnum:32}}"
# expect: SC101
user, password = "svc", "{{password:14}}"
SMTP_DEFAULT = "{{password:14}}"  # flows into login() below
MAIL_PASSWORD = os.environ["MAIL_PASSWORD"]
token_type = "bearer"
password_field = "password"
PASSWORD_MISMATCH = "Passwords do not match"


@dataclass
class Smtp:
    # expect: SC101
    password: str = "{{password:16}}"
    # expect: SC101
    client_secret: str = field(default="{{alnum:40}}")


class Payment(BaseModel):
    # expect: SC101
    api_key: str = Field(default="{{alnum:32}}")
    secret_name: str = "prod/payments"


# expect: SC101
def connect(user, db_password="{{password:12}}"):
    # expect: SC101
    return psycopg2.connect(host="db", password="{{alnum:18}}")


def send():
    server = smtplib.SMTP("mail")
    server.login("ops", SMTP_DEFAULT)
    # expect: SC103
    server.login("reports", "{{password:15}}")
    # expect: SC103
    requests.get("https://x.example.com", auth=("svc", "{{alnum:20}}"))
    # expect: SC103
    return jwt.encode({"sub": 1}, "{{alnum:32}}", algorithm="HS256")


# expect: SC101
cfg = dict(secret_key="{{alnum:24}}")
# expect: SC101
settings = {"client_secret": "{{alnum:40}}", "region": "eu-west-1"}
# expect: SC104
REDIS_PASSWORD = os.environ.get("REDIS_PASSWORD", "{{alnum:24}}")
DEBUG = os.getenv("DEBUG", "false")
KEY = os.getenv("API_KEY", "changeme")


def check(password):
    # expect: SC105
    if password == "{{password:14}}":
        return True
    return password == ""


# expect: SC101
SIGNING_SECRET = ("{{alnum:16}}"
                  "{{alnum:16}}")
"""


def expected(text: str) -> set[tuple[int, str]]:
    lines = text.splitlines()
    marks = set()
    for number, line in enumerate(lines, start=1):
        found = re.search(r"# expect: (SC\d+)", line)
        if found:
            marks.add((number + 1, found.group(1)))
    return marks


def test_python_checks_fire_exactly_where_expected() -> None:
    text = expand(MODULE, seed=11)
    result = scan_text(text, "app/settings.py")
    seen = {(f.span.line, f.rule_id) for f in result.findings if f.rule_id.startswith("SC1")}
    flow = {(f.span.line, f.rule_id) for f in result.findings if f.rule_id == "SC103"}
    smtp_default_line = next(
        i for i, ln in enumerate(text.splitlines(), 1) if "SMTP_DEFAULT =" in ln
    )
    assert (smtp_default_line, "SC103") in flow  # the constant flowing into login()
    assert seen - {(smtp_default_line, "SC103")} == expected(text)


def test_findings_explain_themselves_without_the_value() -> None:
    text = expand('conn = psycopg2.connect(host="db", password="{{alnum:18}}")\n', seed=2)
    (finding,) = scan_text(text, "app/db.py").findings
    secret = text.split('password="')[1].split('"')[0]
    assert finding.signals[0] == "name: password (password)"
    assert finding.signals[1].startswith("value: 18 chars, entropy ")
    assert "sink: psycopg2.connect(password=)" in finding.signals
    assert all(secret not in s for s in finding.signals)


def test_test_paths_lower_severity_but_still_report() -> None:
    text = expand('PASSWORD = "{{password:16}}"\n', seed=3)
    (prod,) = scan_text(text, "app/settings.py").findings
    (test,) = scan_text(text, "tests/test_login.py").findings
    assert test.severity < prod.severity
    assert any(s.startswith("context: test path") for s in test.signals)


def test_files_without_candidates_are_not_parsed() -> None:
    from secretcheck.python.credentials.prefilter import CredentialLines

    assert not CredentialLines().search("def f(x):\n    return x + 1\n# pass a token in\n")
    assert CredentialLines().search(expand('api_key = "{{alnum:32}}"\n'))


_NAMES = st.sampled_from(["api_key", "password", "token", "user, password", "key", "d.get(", "x"])
_OPS = st.sampled_from([" = ", "=", ": ", " == ", "(", " = Field(default=", " "])
_QUOTES = st.sampled_from(['"', "'", "f'", ""])
_VALUES = st.sampled_from(["abcd", "abc", "Zx9pQ2vL", "a\\b", "\u00e9\u00e9\u00e9\u00e9", ""])
_LINES = st.tuples(_NAMES, _OPS, _QUOTES, _VALUES, _QUOTES, st.sampled_from(["\n", ", ", ")\n"]))


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINES, max_size=6).map(lambda lines: "".join("".join(p) for p in lines)))
def test_credential_lines_skip_only_lines_without_a_long_enough_literal(text: str) -> None:
    from secretcheck.python.credentials import prefilter

    found = [m.span() for m in prefilter.CredentialLines().finditer(text)]
    saved = prefilter._LITERAL
    prefilter._LITERAL = re.compile("")  # every line goes on to the candidate regex
    try:
        assert found == [m.span() for m in prefilter.CredentialLines().finditer(text)]
    finally:
        prefilter._LITERAL = saved
