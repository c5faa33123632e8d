"""Tolerant key/value readers for config and text files, with the offset of every value.

Why not json/tomllib/configparser/PyYAML: a finding needs the value's exact position, which the
standard parsers do not give, and committed config is often not strictly valid (JSON with
comments, templated YAML, `.env` files with shell quoting). Each reader is one whole-text regex
(no per-line Python loop), so a 10,000-line YAML file costs one `finditer`. The readers only
ever look at `key <sep> scalar` pairs; nested structure matters only where it changes meaning
(Kubernetes `Secret.data` is base64, a k8s `env` item names its value in a sibling `name:`).
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from secretcheck.lazyre import LazyPattern


@dataclass(frozen=True, slots=True)
class Entry:
    key: str
    value: str
    start: int  # offset of the value in the text
    end: int
    note: str = ""  # e.g. "base64-decoded Kubernetes Secret data"


_Q = (
    r"""(?:"(?P<dq>(?:[^"\\\n]|\\.){0,2000})"|'(?P<sq>[^'\n]{0,2000})'"""
    r"""|(?P<bare>[^\s"'#;](?:[^\n]{0,2000}?[^\s])?))"""
)
# A comment starts at `#`/`;` after whitespace; `pa#ss` is one value.
_END = r"(?:[ \t]+[#;].*)?[ \t]*$"
_KEY = r"(?P<key>[A-Za-z_./][\w.\-/:@]{0,120})"
# KEY=value, export KEY=value, ENV KEY=value, ARG KEY=value, set -x KEY value.
_SHELL = LazyPattern(
    rf"^[ \t]*(?:export[ \t]+|ENV[ \t]+|ARG[ \t]+|-[ \t]+|setenv[ \t]+)?{_KEY}"
    rf"[ \t]*=[ \t]*{_Q}{_END}",
    re.MULTILINE,
)
_DOCKER_ENV_SPACE = LazyPattern(rf"^[ \t]*ENV[ \t]+{_KEY}[ \t]+{_Q}[ \t]*$", re.MULTILINE)
# YAML `key: value` and `- KEY=value` items (docker-compose environment lists).
_YAML = LazyPattern(rf"^[ \t]*(?:-[ \t]+)?{_KEY}[ \t]*:[ \t]+{_Q}{_END}", re.MULTILINE)
_YAML_LIST_ENV = LazyPattern(
    rf"^[ \t]*-[ \t]+[\"']?{_KEY}=(?P<bare>[^\s\"'#][^\n\"']*)", re.MULTILINE
)
_YAML_NAME_VALUE = LazyPattern(
    r"^[ \t]*-?[ \t]*name:[ \t]*[\"']?(?P<name>[\w.\-]+)[\"']?[ \t]*\n[ \t]+value:[ \t]*"
    r"""(?:"(?P<dq>[^"\n]*)"|'(?P<sq>[^'\n]*)'|(?P<bare>[^\s"'#][^\n#]*?))[ \t]*$""",
    re.MULTILINE,
)
# INI, .properties, .npmrc, .pypirc, TOML, Terraform: key = value / key: value.
_INI = LazyPattern(rf"^[ \t]*{_KEY}[ \t]*[=:][ \t]*{_Q}{_END}", re.MULTILINE)
_JSON = LazyPattern(r'"(?P<key>[^"\\\n]{1,120})"\s*:\s*"(?P<dq>(?:[^"\\\n]|\\.){0,4000})"')
# .NET appSettings: <add key="ApiKey" value="..." />
_XML_ADD = LazyPattern(r'<add\s+key="(?P<key>[^"\n]{1,120})"\s+value="(?P<dq>[^"\n]{0,2000})"')
_XML = LazyPattern(
    r"<(?P<key>[\w.\-:]{1,80})>(?P<bare>[^<>\n]{1,500})</(?P=key)>"
    r"|\b(?P<akey>[\w.\-:]{1,80})=\"(?P<dq>[^\"\n]{1,500})\""
)

# `machine host login user password secret` (.netrc, _netrc)
_NETRC = LazyPattern(r"\b(?P<key>password)[ \t]+(?P<bare>\S+)")
# Terraform/HCL `variable "db_password" { ... default = "..." }`: the block names the value.
_HCL_VAR = LazyPattern(
    r'variable\s+"(?P<key>[^"\n]+)"\s*\{[^{}]*?\bdefault\s*=\s*"(?P<dq>[^"\n]*)"', re.DOTALL
)
# Other languages' assignments, object keys and PHP defines, one pattern: `apiKey = "..."`,
# `password: '...'`, `"token" => "..."`, `define('DB_PASSWORD', '...')`, `x := "..."`.
_CODE = LazyPattern(
    r"""(?:\bdefine\(\s*['"](?P<dkey>[A-Za-z_]\w{0,80})['"]\s*,\s*"""
    r"""|(?<![\w.])["']?(?P<key>[A-Za-z_$][\w$.]{0,80})["']?\s*(?:=|:|=>|:=)\s*(?:[\w.<>\[\]|]+\s*(?:=\s*)?)?)"""
    r"""(?:"(?P<dq>(?:[^"\\\n]|\\.){4,500})"|'(?P<sq>[^'\n]{4,500})'|`(?P<bt>[^`$\n]{4,500})`)"""
)
FORMATS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("env", re.compile(r"(?:^|/)(?:\.env(?:\.[\w.-]+)?|[\w.-]+\.env|\.envrc)$")),
    ("shell", re.compile(r"\.(?:sh|bash|zsh|ksh)$|(?:^|/)\.(?:bashrc|zshrc|profile|bash_profile)$")),  # noqa: E501
    ("docker", re.compile(r"(?:^|/)(?:Dockerfile|Containerfile)(?:\.[\w.-]+)?$|\.dockerfile$")),
    ("yaml", re.compile(r"\.ya?ml$")),
    ("json", re.compile(r"\.(?:json|jsonc|json5)$")),
    ("ini", re.compile(r"\.(?:ini|cfg|conf|properties|toml)$"
                       r"|(?:^|/)\.(?:npmrc|pypirc|pgpass|yarnrc|gitconfig)$")),
    ("xml", re.compile(r"\.(?:xml|config|csproj)$")),
    ("netrc", re.compile(r"(?:^|/)[._]netrc$")),
    ("hcl", re.compile(r"\.(?:tf|tfvars|hcl)$")),
    ("code", re.compile(r"\.(?:js|jsx|mjs|cjs|ts|tsx|go|java|kt|kts|scala|groovy|gradle|php|rb"
                        r"|cs|swift|rs|c|cc|cpp|h|hpp|dart|lua|pl|r|ipynb|vue|svelte)$")),
)  # fmt: skip
_READERS: dict[str, tuple[LazyPattern, ...]] = {
    "env": (_SHELL,),
    "shell": (_SHELL,),
    "docker": (_SHELL, _DOCKER_ENV_SPACE),
    "yaml": (_YAML, _YAML_LIST_ENV),
    "json": (_JSON,),
    "ini": (_INI,),
    "xml": (_XML_ADD, _XML),
    "netrc": (_NETRC,),
    "hcl": (_HCL_VAR, _INI),
    "code": (_CODE,),
}


@lru_cache(maxsize=256)
def file_format(path: str) -> str | None:
    """The reader for a file (None: none). Cached: the key/value, weak-credential and
    detect-secrets engines each ask it of every file, ~20 path searches per question."""
    name = path.rsplit("/", 1)[-1]
    for fmt, pattern in FORMATS:
        if pattern.search(name) or pattern.search(path):
            return fmt
    return None


def _value(match: re.Match[str]) -> tuple[str, int, int] | None:
    for group in ("dq", "sq", "bare", "bt"):
        if group in match.re.groupindex and match.group(group) is not None:
            return match.group(group).strip(), match.start(group), match.end(group)
    return None


def _key(match: re.Match[str]) -> str:
    for group in ("key", "akey", "name", "dkey"):
        if group in match.re.groupindex and match.group(group):
            return match.group(group)
    return ""


def _k8s_secret_data(text: str) -> tuple[int, int] | None:
    """The offsets of a Kubernetes Secret's `data:` block, whose values are base64."""
    if not re.search(r"^kind:\s*Secret\b", text, re.MULTILINE):
        return None
    block = re.search(r"^data:[ \t]*\n((?:[ \t]+.*\n?)+)", text, re.MULTILINE)
    return (block.start(1), block.end(1)) if block else None


def _b64(value: str) -> str | None:
    try:
        decoded = base64.b64decode(value, validate=True).decode("utf-8")
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return None
    return decoded.strip() if decoded.isprintable() else None


def _docker_config_password(decoded: str) -> str | None:
    """The registry password inside a decoded `.dockerconfigjson` (`{"auths": {host: {...}}}`):
    its `password`, else the part after `:` of its base64 `auth` (`user:password`)."""
    if not decoded.startswith("{") or '"auths"' not in decoded:
        return None
    try:
        auths = json.loads(decoded).get("auths")
    except (ValueError, AttributeError, RecursionError):
        return None
    for entry in auths.values() if isinstance(auths, dict) else ():
        if not isinstance(entry, dict):
            continue
        password = entry.get("password")
        if not password and isinstance(entry.get("auth"), str):
            pair = _b64(entry["auth"]) or ""
            password = pair.partition(":")[2]
        if isinstance(password, str) and password:
            return password
    return None


_TOML_MULTILINE = LazyPattern(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'')


def _matches(pattern: LazyPattern, text: str, overlapping: bool) -> Iterator[re.Match[str]]:
    """`finditer`, or for source code a search that resumes inside each matched value: a
    notebook cell's JSON string holds `password='...'` assignments of its own."""
    if not overlapping:
        yield from pattern.finditer(text)
        return
    position = 0
    while (match := pattern.search(text, position)) is not None:
        yield match
        got = _value(match)
        position = got[1] if got is not None and got[1] > match.start() else match.end()


def entries(text: str, fmt: str) -> Iterator[Entry]:
    """Every `key -> scalar` pair `fmt`'s readers see, in text order, one per value offset.

    Lines inside TOML multi-line strings are prose or code samples, not settings: skipped.
    """
    seen: set[int] = set()
    if fmt == "ini" and ('"""' in text or "'''" in text):
        for block in _TOML_MULTILINE.finditer(text):
            seen.update(range(block.start(), block.end()))
    data_block = _k8s_secret_data(text) if fmt == "yaml" else None
    # k8s `- name: X / value: Y` first, so `value` is judged under the name `X`.
    patterns = (_YAML_NAME_VALUE, *_READERS[fmt]) if fmt == "yaml" else _READERS[fmt]
    for pattern in patterns:
        for match in _matches(pattern, text, overlapping=fmt == "code"):
            got = _value(match)
            if got is None or got[1] in seen:
                continue
            value, start, end = got
            seen.add(start)
            key, note = _key(match), ""
            if data_block and data_block[0] <= start < data_block[1]:
                decoded = _b64(value)
                if decoded is None:
                    continue
                value, note = decoded, "base64-decoded Kubernetes Secret data"
                registry = _docker_config_password(decoded)
                if registry is not None:  # a pull secret: judge the password it carries
                    key, value = "password", registry
                    note = "base64-decoded .dockerconfigjson registry password"
            yield Entry(key, value, start, end, note)
