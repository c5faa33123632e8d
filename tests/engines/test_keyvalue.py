"""Config and text files read as key/value pairs: which lines report, and which never do."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from secretcheck.api import scan_text
from secretcheck.examples import expand


def lines_with(code: str, text: str, path: str) -> list[int]:
    result = scan_text(expand(text, seed=5), path)
    return sorted(f.span.line for f in result.findings if f.rule_id == code)


@pytest.mark.parametrize(
    ("path", "text", "lines"),
    [
        (".env", "DEBUG=1\nDB_PASSWORD={{password:16}}\nAPI_KEY=${API_KEY}\n", [2]),
        ("config.yaml", "db:\n  user: shop\n  password: shop\n  token: {{alnum:32}}\n", [4]),
        ("docker-compose.yml",
         "services:\n  db:\n    environment:\n      - POSTGRES_PASSWORD={{alnum:16}}\n"
         "      - POSTGRES_USER=${USER}\n", [4]),
        ("k8s/secret.yaml",
         "apiVersion: v1\nkind: Secret\ndata:\n  password: {{b64:password:16}}\n", [4]),
        ("k8s/deploy.yaml",
         "env:\n  - name: API_TOKEN\n    value: \"{{alnum:40}}\"\n"
         "  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef: {name: db}\n", [3]),
        ("Dockerfile", "FROM python\nARG NPM_TOKEN\nENV SECRET_KEY={{alnum:40}}\n", [3]),
        ("settings.toml", '[db]\npassword = "{{password:14}}"\nhelp = """\npassword = "x1y2z3w4"\n"""\n', [2]),  # noqa: E501
        ("app.ini", "[ldap]\nbind_password = {{password:18}}\npassword_encoding = utf-8\n", [2]),
        ("app.properties", "spring.datasource.password={{password:12}}\napp.jwt.token-validity-seconds=86400\n", [1]),  # noqa: E501
        ("main.tf", 'variable "db_password" {\n  type = string\n  default = "{{password:18}}"\n}\n', [3]),  # noqa: E501
        (".npmrc", "//npm.example.com/:_authToken={{alnum:36}}\n//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n", [1]),  # noqa: E501
        (".netrc", "machine example.com\n  login me\n  password {{alnum:20}}\n", [3]),
        ("config.json", '{"auth": {"jwtSecret": "{{alnum:40}}", "tokenType": "Bearer"}}', [1]),
        ("ci.yml", "env:\n  TOKEN: ${{ secrets.API_TOKEN }}\n  PASSWORD: !vault |\n", []),
    ],
)  # fmt: skip
def test_config_credentials(path: str, text: str, lines: list[int]) -> None:
    assert lines_with("SC110", text, path) == lines


@pytest.mark.parametrize(
    ("path", "text", "lines"),
    [
        ("src/config.js", 'const adminToken = "{{alnum:40}}";\nexport const apiKey = process.env.KEY;\n', [1]),  # noqa: E501
        ("wp-config.php", "define( 'DB_PASSWORD', '{{password:16}}' );\ndefine( 'LOGGED_IN_KEY', 'put your unique phrase here' );\n", [1]),  # noqa: E501
        ("notebook.ipynb", '{"source": ["conn = connect(user=\'a\', password=\'{{password:16}}\')\\n"]}', [1]),  # noqa: E501
    ],
)  # fmt: skip
def test_source_credentials(path: str, text: str, lines: list[int]) -> None:
    assert lines_with("SC108", text, path) == lines


def test_committed_env_file_is_a_hygiene_finding() -> None:
    result = scan_text(expand("DB_PASSWORD={{password:16}}\n", seed=1), ".env")
    hygiene = [f for f in result.findings if f.rule_id == "SC501"]
    assert [(f.category, f.span.line) for f in hygiene] == [("repo-hygiene", 1)]
    example = scan_text(expand("DB_PASSWORD={{password:16}}\n", seed=1), ".env.example")
    assert not [f for f in example.findings if f.rule_id == "SC501"]


def test_lock_files_and_i18n_catalogs_are_quiet() -> None:
    lock = '{"integrity": "sha512-' + expand("{{base64:86}}") + '=="}'
    assert not scan_text(lock, "package-lock.json").findings
    po = 'msgid "Password"\nmsgstr "Passwort"\nmsgid "API key"\nmsgstr "API-Schlüssel"\n'
    assert not scan_text(po, "locale/de/LC_MESSAGES/django.po").findings


def test_thousands_of_findings_stay_fast() -> None:
    # Generated files hold a credential on every line; nothing may be quadratic in them.
    import time

    text = "".join(f"password_{i}: Xy{i}zW9q!\n" for i in range(3000))
    start = time.perf_counter()
    result = scan_text(text, "generated.yaml")
    assert len(result.findings) == 3000
    assert time.perf_counter() - start < 10


READER_FILES = ["k8s.yaml", "app.json", "main.tf", ".netrc", "Dockerfile", "web.config", "app.js",
                "nb.ipynb", ".npmrc", "a.properties", ".env", "x.ts", "wp.php"]  # fmt: skip
READER_FRAGMENTS = [
    "kind: Secret\n", "data:\n", "  password: ", 'variable "db_password" {', "default = ",
    "define('", "machine h ", "password ", "- name: TOKEN\n", "    value: ", "_authToken=",
    '"apiKey": "', "<add key=\"ApiKey\" value=\"", "export ", "ENV ", "=", ":", '"', "'", "`",
    "\n", "#", ";", "${", "{{", "\\", expand("{{alnum:24}}"), expand("{{b64:alnum:16}}"),
]  # fmt: skip


@settings(max_examples=150, deadline=None)
@example("  password: password ", "k8s.yaml")  # the weak-value reason once spelled "password"
@given(
    st.lists(st.one_of(st.sampled_from(READER_FRAGMENTS), st.text(max_size=8)), max_size=30).map(
        "".join
    ),
    st.sampled_from(READER_FILES),
)
def test_readers_never_raise_and_never_leak(text: str, filename: str) -> None:
    for finding in scan_text(text, filename).findings:
        if finding.secret and len(finding.secret) >= 8:
            assert finding.secret not in finding.snippet
            assert all(finding.secret not in s for s in finding.signals)


def test_a_kubernetes_pull_secret_is_judged_by_the_registry_password_it_carries() -> None:
    """`.dockerconfigjson` is base64 of `{"auths": {host: {"auth": base64("user:pw")}}}`:
    the password is two decodings deep, built here at run time."""
    import base64
    import json
    import random
    import string

    from secretcheck.engines.keyvalue import credential_entries

    rng = random.Random(7)
    password = "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(20))

    def manifest(auths: dict[str, object]) -> str:
        blob = base64.b64encode(json.dumps({"auths": auths}).encode()).decode()
        return (
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: regcred\n"
            f"type: kubernetes.io/dockerconfigjson\ndata:\n  .dockerconfigjson: {blob}\n"
        )

    auth = base64.b64encode(f"deploy:{password}".encode()).decode()
    found = list(credential_entries(manifest({"reg.example.io": {"auth": auth}}), "pull.yaml"))
    assert [(e.key, e.value) for e, _, _ in found] == [("password", password)]
    assert any("dockerconfigjson" in s for s in found[0][1])
    # A pull secret that names a credential helper carries no password: nothing to judge.
    helper_only = manifest({"reg.example.io": {"credHelper": "ecr-login"}})
    assert [e.key for e, _, _ in credential_entries(helper_only, "pull.yaml")] == []
