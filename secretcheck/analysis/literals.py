"""Is a string value plausibly a real credential, or a placeholder, phrase, path or name?"""

from __future__ import annotations

import re

from secretcheck.analysis.names import split_words

_PLACEHOLDER_WORDS = frozenset(
    {"changeme", "change_me", "change-me", "replace_me", "replaceme", "todo", "fixme", "tbd",
     "none", "null", "nil", "undefined", "empty", "example", "sample", "dummy", "placeholder",
     "redacted", "secret", "password", "passwd", "token", "apikey", "api_key", "your_password",
     "yourpassword", "your_token", "your_api_key", "your-api-key", "mypassword", "test",
     "testing", "fake", "default", "xxx", "notasecret", "not-a-secret", "insert_here"}
)  # fmt: skip
_PLACEHOLDER_RE = re.compile(
    r"""^(?:
        [xX*#.\-_ ]+                      # xxxx, ****, ----
      | <[^<>]*>                          # <your-key>
      | \$\{[^}]*\}  | \$[A-Z_][A-Z0-9_]*  # ${VAR}, $VAR
      | \{\{[^}]*\}\}                     # {{ var }}
      | %\([^)]*\)s | \{[A-Za-z_]*\}      # %(name)s, {name}
      | (?:your|my|the|enter|insert|replace)[-_ ]?\w*
      )$""",
    re.VERBOSE | re.IGNORECASE,
)
_URL_OR_PATH = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|/|\./|\.\./|~/|[A-Za-z]:\\)")
_URL_CREDENTIALS = re.compile(r"^[a-z][a-z0-9+.-]*://[^/\s:@]*:[^/\s@]+@", re.IGNORECASE)
# snake_case, dotted or entry-point names (`pkg.module:func`), and CONSTANT_CASE.
_IDENTIFIER = re.compile(
    r"^[a-z_][a-z0-9_]*(?:[.:][a-z_][a-z0-9_]*)+$|^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$"
    r"|^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$"
)
# Values a document shortened on purpose, and the sample keys providers publish (AWS's end in
# EXAMPLE / EXAMPLEKEY).
_ELIDED = re.compile(r"(?:\.\.\.|…)$|EXAMPLE(?:KEY)?$")


def placeholder_reason(value: str, key: str = "") -> str | None:
    """Why `value` is not a credential (a short reason), or None when it may be one."""
    stripped = value.strip()
    if len(stripped) < 3:
        return "too short"
    lowered = stripped.lower()
    if lowered in _PLACEHOLDER_WORDS or _PLACEHOLDER_RE.match(stripped):
        return "placeholder"
    if _ELIDED.search(stripped):
        return "elided or documented example"
    if any(ch in stripped for ch in "{}") and re.search(r"\{\{|\$\{|\{[a-z_]*\}", stripped):
        return "template"
    if " " in stripped and len(stripped.split()) >= 3:
        return "phrase"
    if _URL_OR_PATH.match(stripped) and not _URL_CREDENTIALS.match(stripped):
        return "url or path"
    if _IDENTIFIER.match(stripped):
        return "identifier"
    if key and split_words(key) == split_words(stripped):
        return "equals its key"
    return None
