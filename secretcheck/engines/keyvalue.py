"""Config and text files read as key/value pairs, judged like Python assignments.

`.env`, shell, Dockerfile, YAML (docker-compose, Kubernetes, CI), JSON, INI/cfg/TOML/properties,
Terraform, `.npmrc`/`.pypirc` and XML are read by `analysis.configfiles`; each value under a
credential-like key goes through `analysis.scoring`, the same verdict the Python checks use.
Interpolations (`${VAR}`, `{{ var }}`, `${{ secrets.X }}`, `$(VAR)`, `%(x)s`, vault/sops
references) are never secrets.

Rules pick their job with `check`: `config-credentials` (one hit per credential value),
`code-credentials` (the same for JavaScript, Go, Java, PHP, Ruby, C#, notebooks, ...),
`committed-env-file` (a `.env` file holding real values: one hit at line 1),
`committed-private-key` (a key file with a private key block: one hit on the block, which merges
with SC309's hit on the same block into one finding) and `weak-credentials` (default or
dictionary passwords in live config, see `weak_credentials`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from secretcheck.analysis.configfiles import Entry, entries, file_format
from secretcheck.analysis.context import path_context
from secretcheck.analysis.scoring import judge_named
from secretcheck.analysis.values import benign_file
from secretcheck.engines.weak_credentials import weak_credential_hits
from secretcheck.findings import Hit, Span
from secretcheck.lazyre import LazyPattern
from secretcheck.rulepacks import RuleSpec
from secretcheck.textindex import LineIndex

# The jobs a keyvalue rule can name in `check` (see the module docstring).
CHECKS = frozenset(
    {
        "config-credentials",
        "code-credentials",
        "committed-env-file",
        "committed-private-key",
        "weak-credentials",
    }
)
_PREFILTER = LazyPattern(r"(?i)pass|pwd|secret|token|key|cred|auth|private|signature|salt")
_INTERPOLATION = LazyPattern(
    r"\$\{|\$\(|\{\{|\{%|%\(|#\{|<%|^\$[A-Za-z_]|^!(?:vault|secret|ref|sub)|^ENC\[|^vault:"
    r"|^(?:arn|projects|sm|ssm|aws-sm|azure-kv|gcp-sm|op)://?|secretKeyRef|valueFrom|^@Microsoft"
)
_NAME_LIKE = LazyPattern(r"^[A-Za-z_$@/.:][\w.$@/:-]{0,120}$")
_USER_KEY = LazyPattern(r"(?i)(?:^|[._-])(?:user(?:name)?|login|db|database)$|_USER$")
_ENV_FILE = LazyPattern(
    r"(?:^|/)\.env(?:\.(?!example$|sample$|template$|dist$|defaults?$|tpl$)[\w.-]+)?$"
)
_KEY_FILE = LazyPattern(r"(?:^|/)(?:id_(?:rsa|dsa|ecdsa|ed25519)|[^/]+\.(?:pem|key|ppk|p8))$")
# The body of the first private key block, captured like SC309 (`private-key`) captures it, so
# the file finding and the key finding share one location and secret and merge into one.
_PRIVATE_KEY_BODY = LazyPattern(
    r"-----BEGIN (?P<label>[A-Z ]*PRIVATE KEY(?: BLOCK)?)-----(?P<body>[\s\S]{40,12000}?)"
    r"-----END (?P=label)-----"
)


def handles_config(path: str) -> bool:
    return file_format(path) is not None and benign_file(path) is None


def credential_entries(text: str, display: str) -> Iterator[tuple[Entry, tuple[str, ...], int]]:
    fmt = file_format(display)
    if fmt is None or benign_file(display) is not None or not _PREFILTER.search(text):
        return
    found = list(entries(text, fmt))
    # `username: shop` + `password: shop`: the dev default of a local service, not a secret.
    users = {e.value.strip() for e in found if _USER_KEY.search(e.key)}
    for entry in found:
        value = entry.value.strip()
        if not value or _INTERPOLATION.search(value) or value in users:
            continue
        if not _NAME_LIKE.match(entry.key):
            continue  # "AWS::SecretsManager::Secret" or a sentence: a label, not a setting
        line_start = text.rfind("\n", 0, entry.start) + 1
        line_end = text.find("\n", entry.end)
        line = text[line_start : line_end if line_end >= 0 else None]
        verdict = judge_named(
            entry.key.rsplit(".", 1)[-1].rsplit("/", 1)[-1].lstrip(":_"), value, line
        )
        if verdict is None or not any(s.startswith("name:") for s in verdict.signals):
            continue
        signals = (*verdict.signals, f"file: {fmt}") + (
            (f"note: {entry.note}",) if entry.note else ()
        )
        yield entry, signals, int(verdict.confidence)


def run_keyvalue(
    rules: Iterable[RuleSpec], text: str, display: str, index: LineIndex
) -> Iterator[Hit]:
    by_check = {r.check: r for r in rules}
    if not by_check:
        return
    rule = by_check.get("weak-credentials")
    if rule:
        yield from weak_credential_hits(rule, text, display, index)
    found = (
        list(credential_entries(text, display))
        if by_check.keys() - {"committed-private-key", "weak-credentials"}
        else []
    )
    fmt = file_format(display)
    rule = by_check.get("code-credentials" if fmt == "code" else "config-credentials")
    for entry, signals, _ in found if rule else ():
        assert rule is not None
        span = index.span(entry.start, entry.end)
        yield Hit(rule.code, span, entry.value, f"key '{entry.key}'", None, signals)
    rule = by_check.get("committed-env-file")
    if rule and found and _ENV_FILE.search(display) and path_context(display) is None:
        detail = f"{len(found)} credential value(s) in a committed .env file"
        yield Hit(rule.code, Span(1, 1, 1, 2), "", detail, None, ("file: committed .env",))
    rule = by_check.get("committed-private-key")
    block = _PRIVATE_KEY_BODY.search(text) if rule and _KEY_FILE.search(display) else None
    if rule and block:
        span = index.span(block.start("body"), block.end("body"))
        yield Hit(rule.code, span, block.group("body"), "private key file in the repository",
                  None, ("file: private key block",))  # fmt: skip
    elif rule and _KEY_FILE.search(display) and "PRIVATE KEY-----" in text:
        # A block cut short (no END line) is still a key file; report it at line 1.
        yield Hit(rule.code, Span(1, 1, 1, 2), "", "private key file in the repository", None,
                  ("file: private key block",))  # fmt: skip
