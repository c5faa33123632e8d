"""SC120: weak or default credentials in live configuration.

How it detects: in files that configure a running service (committed `.env*`, `.flaskenv`,
`.envrc`, Python settings modules, and config formats such as docker-compose, YAML, INI, JSON,
XML, Dockerfile), a value under a credential-like key (`POSTGRES_PASSWORD=...`,
`SECRET_KEY=...`, `'PASSWORD': '...'`) or the password of a URL (`mysql://root:password@...`)
that is a well-known default or dictionary password: `password`, `changeme`, `root`, `admin`,
`supersecret123`, or the user name repeated (`postgres:postgres`). SC101/SC110 drop these values
as placeholders, which is right for a secret scanner and wrong for an auditor: in a live file
the placeholder *is* the password.

Severity follows the file: high in `.env*`, `.flaskenv` and settings modules (the values the
app runs with), medium in service config (YAML, INI/properties, Dockerfile, XML, Terraform,
shell). Templates (`.env.example`, `*.sample`, `*.tpl`), docs, tests, fixtures, examples,
test variants (`.env.test`) and CI service containers are not reported: a default there is an
instruction or a throwaway, not a setting.

What it deliberately misses: strong-looking values (those are SC101/SC110's), passwords built at
run time, and code files other than settings modules.
"""

from __future__ import annotations

from collections.abc import Iterator

from secretcheck.analysis.configfiles import file_format
from secretcheck.analysis.context import path_context
from secretcheck.findings import Hit, Severity
from secretcheck.lazyre import LazyPattern
from secretcheck.rulepacks import RuleSpec
from secretcheck.textindex import LineIndex

_TEMPLATE = LazyPattern(
    r"(?i)(?:[._-](?:example|sample|template|dist|defaults?|tpl|tmpl)(?:\.[\w]+)?$"
    r"|\.(?:md|markdown|rst|txt|adoc|html?|j2|jinja2?|erb)$"
    # Test-only variants: `.env.test`, `docker-compose.test.yml`, `settings_ci.py`; packaging
    # and test-runner config (`setup.cfg [db]` test URLs); changelogs quoting old bugs.
    r"|(?:^|/)(?:setup\.cfg|tox\.ini|pytest\.ini|noxfile\.py|conftest\.py)$"
    r"|(?:^|/)(?:changelogs?|changes|news|history)(?:/|[._-]?\w*\.\w+$)"
    r"|(?:^|/)[^/]*[._-](?:test|tests|testing|ci|e2e)(?:\.\w+)?$"
    # CI service containers (`services: postgres: env: POSTGRES_PASSWORD: postgres`) are
    # throwaway databases that live for one job and are reachable from nowhere else.
    r"|(?:^|/)(?:\.github|\.circleci|\.buildkite)/|(?:^|/)\.gitlab-ci\.ya?ml$"
    r"|(?:^|/)(?:\.travis\.yml|azure-pipelines\.ya?ml|bitbucket-pipelines\.yml|Jenkinsfile)$)"
)
_LIVE_ENV = LazyPattern(r"(?:^|/)(?:\.env(?:\.[\w.-]+)?|\.flaskenv|\.envrc|[\w.-]+\.env)$")
_SETTINGS = LazyPattern(
    # seed scripts create the app's first accounts: their passwords are live ones too
    r"(?:^|/)(?:settings|local_settings|[\w]+_settings|config|configs?/[\w]+|settings/[\w]+"
    r"|seeds?|seed_data|seeds/[\w]+"
    r"|instance/[\w]+)\.py$"
)
_SERVICE_FORMATS = frozenset({"env", "shell", "docker", "yaml", "ini", "xml", "hcl"})
# A credential-like key at the start of a line (after indentation, a list dash, `export` or
# `ENV`, a quote), then `=` or `:`, then a bare or quoted value: prose in comments is not read.
_ENTRY = LazyPattern(
    r"""(?m)^[ \t]*(?:-[ \t]+|export[ \t]+|ENV[ \t]+|ARG[ \t]+)?['"]?"""
    r"""(?P<key>[A-Za-z_][\w.-]{0,80})['"]?[ \t]*(?:=|:)[ \t]*['"]?(?P<value>[^\s'"#,;]{1,64})"""
)
# The key must end in the credential word: `password_field`, `PASSWORD_RESET_TIMEOUT` and
# `token_type` name something about a credential, not the credential.
_CREDENTIAL_KEY = LazyPattern(r"(?i)(?:pass(?:wd|word)?|pwd|secret(?:_?key)?|token|api_?key)$")
_URL = LazyPattern(
    r"[A-Za-z][\w+.-]{1,20}://(?P<user>[^\s:@/'\"]{0,64}):(?P<value>[^\s:@/'\"]{1,64})@"
)
_WEAK = LazyPattern(
    r"(?i)^(?:(?:super|my|top)?[-_]?(?:secret|passw[o0]rd|p@ssw[o0]rd|p@ss|pass|admin|root|toor"
    r"|changeme|change[-_]?me|changeit|default|qwerty|letmein|welcome|guest|test|demo|dev"
    r"|development|postgres|mysql|redis|mongo|rabbitmq|guest)(?:[-_]?key)?[0-9!@#.]{0,6}"
    r"|1234(?:5678?9?0?)?|12345|123456789?|abc123|iloveyou|111111|000000)$"
)


def file_severity(display: str) -> Severity | None:
    """The severity a weak credential gets in this file, or None when it is not live config."""
    if _TEMPLATE.search(display) or path_context(display) is not None:
        return None
    if _LIVE_ENV.search(display) or _SETTINGS.search(display):
        return Severity.HIGH
    # JSON and TOML hold package metadata and tool settings far more often than a service's
    # live configuration (and rule packs quote defaults as examples): only the service formats.
    if file_format(display) in _SERVICE_FORMATS and not display.endswith(".toml"):
        return Severity.MEDIUM
    return None


def weak_reason(value: str, user: str = "") -> str | None:
    if user and value.lower() == user.lower():
        return "the user name repeated"
    if _WEAK.match(value):
        # Worded without any value `_WEAK` accepts: a signal naming "password" would print
        # the very secret of `password: password`.
        return "a well-known default or breach-list value"
    return None


def weak_credential_hits(
    rule: RuleSpec, text: str, display: str, index: LineIndex
) -> Iterator[Hit]:
    severity = file_severity(display)
    if severity is None:
        return
    found: dict[int, tuple[int, str, str]] = {}
    for match in _URL.finditer(text):
        reason = weak_reason(match.group("value"), match.group("user"))
        if reason:
            found[match.start("value")] = (match.end("value"), "URL password", reason)
    for match in _ENTRY.finditer(text):
        key = match.group("key").rsplit(".", 1)[-1]
        if _CREDENTIAL_KEY.search(key) and match.start("value") not in found:
            reason = weak_reason(match.group("value"))
            if reason:
                found[match.start("value")] = (match.end("value"), f"key '{key}'", reason)
    for start, (end, where, reason) in sorted(found.items()):
        if display.endswith(".py") and _in_docstring(text, start):
            continue  # `SECRET_KEY = 'development key'` in a config class's docs
        yield Hit(rule.code, index.span(start, end), text[start:end], f"{where}: {reason}", None,
                  (f"weak: {reason}", f"file: {severity.name.lower()} (live config)"), None,
                  severity)  # fmt: skip


def _in_docstring(text: str, offset: int) -> bool:
    """Inside a triple-quoted string: an odd number of openers and closers before `offset`."""
    return (text.count('"""', 0, offset) + text.count("'''", 0, offset)) % 2 == 1
