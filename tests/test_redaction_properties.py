"""Properties of redaction by construction, over lines that mix several generated secrets.

A tree of Python, YAML, shell, JSON, env and Makefile lines is filled with provider tokens,
passwords and random tokens; some are matched by a rule, others by none (a ghp_ token with a
wrong checksum, a password under a key no rule knows). The real CLI then scans it, caches it,
baselines it, reads its history and grades it, and no generated secret may appear anywhere.

Where each kind of secret goes follows what `secretcheck.redact` promises: provider tokens
anywhere (values, comments, free text); passwords and random tokens in value positions (a plain
word in a comment is deliberately shown, see the module docstring). A password here meets a
common policy (8+ characters, 3 of: lower, upper, digit, symbol).
"""

from __future__ import annotations

import json
import string
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import git, write_tree
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from leakcheck import grade_outputs, history_outputs, leaks, scan_outputs

from secretcheck.redact import redact_line

# The rule packs' own text (names, docs, examples), which SARIF and the HTML report carry as
# rule metadata: a generated password that is a piece of it ("id_ed255" of SC502's
# `id_ed25519`) shows up there without anything leaking.
CATALOGUE = "\n".join(
    p.read_text(encoding="utf-8")
    for p in sorted((Path(__file__).parent.parent / "rules").rglob("*.toml"))
)
ALNUM = string.ascii_letters + string.digits
SYMBOLS = "!#%&*+-=?@^_"
BASE32 = string.ascii_uppercase + "234567"


def _classes(text: str) -> int:
    return sum(
        any(test(c) for c in text)
        for test in (str.islower, str.isupper, str.isdigit, lambda c: c in SYMBOLS)
    )


def _fixed(alphabet: str, size: int) -> st.SearchStrategy[str]:
    return st.text(alphabet, min_size=size, max_size=size)


providers = st.one_of(
    _fixed(ALNUM, 36).map("ghp_".__add__),  # checksum not computed: often no rule matches
    _fixed(BASE32, 16).map("AKIA".__add__),
    st.text(ALNUM, min_size=24, max_size=40).map("sk_live_".__add__),
    st.tuples(_fixed(string.digits, 12), _fixed(ALNUM, 24)).map(
        lambda p: f"xoxb-{p[0]}-{p[0][::-1]}-{p[1]}"
    ),
    _fixed(ALNUM + "-_", 20).map("glpat-".__add__),
)
passwords = st.text(ALNUM + SYMBOLS, min_size=8, max_size=24).filter(lambda s: _classes(s) >= 3)
randoms = st.text(ALNUM, min_size=16, max_size=48).filter(
    lambda s: any(c.isdigit() for c in s) and any(c.isalpha() for c in s)
)
values = st.one_of(passwords, randoms, providers).filter(lambda s: s not in CATALOGUE)

# (file, line template): {p1} {p2} take provider tokens, {v1} {v2} any secret.
LINES = [
    ("app.py", 'CREDS = {{"stripe": "{p1}", "smtp": "{v1}"}}'),
    ("app.py", 'ARGS = ["--api-key", "{p1}", "--db-pass", "{v1}"]'),
    ("app.py", 'conn = connect(host="db", password="{v1}", token="{v2}")  # backup {p2}'),
    ("app.py", 'URL = "https://admin:{v1}@db.example.com/app?key={v2}"'),
    ("app.py", 'headers = {{"Authorization": "Bearer {p1}", "X-Api-Key": "{v1}"}}'),
    ("app.py", 'os.environ.setdefault("API_TOKEN", "{v1}")  # see {p1}'),
    ("config.yaml", "creds: {{pass: {v1}, token: {p1}}}"),
    ("config.yaml", "password: {v1}  # old {p1}"),
    ("config.yaml", "url: postgresql://app:{v1}@db.internal:5432/app"),
    ("deploy.sh", "docker login -p {v1} registry.example.com && GITHUB_TOKEN={p1} make"),
    ("deploy.sh", 'curl -u admin:{v1} -H "Authorization: Bearer {v2}" https://api.example.com'),
    ("deploy.sh", "mysql --password={v1} -h db  # {p2}"),
    ("secrets.json", '{{"password": "{v1}", "api_key": "{v2}", "note": "{p1}"}}'),
    (".env", "DB_PASSWORD={v1}"),
    (".env", "API_TOKEN={v2}  # {p1}"),
    ("Makefile", "TOKEN ?= {p1}"),
    ("Makefile", '\tcurl -H "X-Api-Key: {v1}" https://api.example.com  # {p2}'),
]


@st.composite
def trees(draw: st.DrawFn) -> tuple[dict[str, str], list[str]]:
    """Some of LINES, each filled with fresh secrets; (files, secrets)."""
    chosen = draw(st.lists(st.sampled_from(LINES), min_size=2, max_size=6, unique=True))
    files: dict[str, list[str]] = {}
    secrets: list[str] = []
    for name, template in chosen:
        slots = {"p1": draw(providers), "p2": draw(providers)}
        slots |= {"v1": draw(values), "v2": draw(values)}
        if "://" in template:  # inside a URL a value is percent-encoded, as a client writes it
            slots = {k: quote(v, safe="") for k, v in slots.items()}
        secrets += [slots[k] for k in slots if "{" + k + "}" in template]
        files.setdefault(name, []).append(template.format(**slots))
    for name, text in files.items():
        if name == "Makefile":
            text.insert(0, "deploy:")
    return {name: "\n".join(lines) + "\n" for name, lines in files.items()}, secrets


def _check_tree(root: Path, files: dict[str, str], secrets: list[str], everything: bool) -> None:
    write_tree(root, files)
    outputs = scan_outputs(root)
    assume(json.loads(outputs["json"])["findings"])  # something on these lines was flagged
    if everything:
        git(root, "init", "-q", "-b", "main")
        git(root, "config", "commit.gpgsign", "false")
        (root / ".gitignore").write_text(".secretcheck_cache/\n", encoding="utf-8")
        outputs |= history_outputs(root)
        outputs |= grade_outputs(root)
    assert leaks(outputs, secrets) == []


_COMMON = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}


@settings(max_examples=10, **_COMMON)  # type: ignore[arg-type]
@given(tree=trees())
def test_no_output_holds_a_generated_secret(
    tree: tuple[dict[str, str], list[str]], tmp_path_factory: pytest.TempPathFactory
) -> None:
    files, secrets = tree
    _check_tree(tmp_path_factory.mktemp("mixed"), files, secrets, everything=True)


@pytest.mark.slow
@settings(max_examples=500, **_COMMON)  # type: ignore[arg-type]
@given(tree=trees())
def test_no_output_holds_a_generated_secret_500(
    tree: tuple[dict[str, str], list[str]], tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The issue's bar: 500 mixed trees through scan formats, cache and baseline; every 10th
    tree also through history and grade (each adds a git repository and four grade runs)."""
    files, secrets = tree
    everything = sum(map(ord, "".join(secrets))) % 10 == 0
    _check_tree(tmp_path_factory.mktemp("mixed"), files, secrets, everything)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(LINES), min_size=1, max_size=3), providers, values)
def test_one_line_with_several_secrets_masks_all_of_them(
    lines: list[tuple[str, str]], provider: str, value: str
) -> None:
    """The function itself, with no detector's help: every generated secret is masked."""
    for _, template in lines:
        token, secret = provider, value
        if "://" in template:
            token, secret = quote(provider, safe=""), quote(value, safe="")
        line = template.format(p1=token, p2=token, v1=secret, v2=secret)
        shown = redact_line(line)
        assert token not in shown and secret not in shown, (line, shown)
        assert redact_line(shown) == shown  # masking again changes nothing
