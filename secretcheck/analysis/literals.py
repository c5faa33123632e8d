"""Is a string value plausibly a real credential, or a placeholder, phrase, path or name?"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from secretcheck.analysis.names import split_words
from secretcheck.lazyre import LazyPattern

_PLACEHOLDER_WORDS = frozenset(
    {"changeme", "change_me", "change-me", "replace_me", "replaceme", "todo", "fixme", "tbd",
     "none", "null", "nil", "undefined", "empty", "example", "sample", "dummy", "placeholder",
     "redacted", "secret", "password", "passwd", "token", "apikey", "api_key", "your_password",
     "yourpassword", "your_token", "your_api_key", "your-api-key", "mypassword", "test",
     "testing", "fake", "default", "xxx", "notasecret", "not-a-secret", "insert_here",
     # Well-known defaults of local and CI services: never the production credential.
     "postgres", "root", "guest", "mysql", "redis", "admin", "pass", "user", "sa",
     # Demo passwords of vendor docs: Oracle's scott/tiger (SQLAlchemy's docstrings use it in
     # every dialect, 348 URLs in its sdist) and the docker-library postgres example.
     "tiger", "mysecretpassword"}
)  # fmt: skip
# A value made only of words, one of which says "stand-in" (test-secret-key, your-api-key,
# not-the-password, dummy_token): a real secret is not spelled like that.
_DUMMY_WORDS = frozenset(
    {"your", "my", "the", "not", "test", "testing", "dummy", "fake", "mock", "example", "sample",
     "placeholder", "here", "changeme", "insecure", "dev", "local", "demo", "foo", "bar", "baz",
     "secret", "password", "passwd", "token", "key", "api", "xxx", "invalid", "wrong", "bad",
     "other", "some", "super", "default", "temp", "tmp", "abc", "123"}
)  # fmt: skip
_DIGIT = LazyPattern(r"[0-9]")
_WORDY = LazyPattern(r"^[A-Za-z0-9]+(?:[-_. ][A-Za-z0-9]+)*$")
_PLACEHOLDER_RE = LazyPattern(
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
_URL_OR_PATH = LazyPattern(r"^(?:[a-z][a-z0-9+.-]*://|/|\./|\.\./|~/|[A-Za-z]:\\)")
_URL_CREDENTIALS = LazyPattern(r"^[a-z][a-z0-9+.-]*://[^/\s:@]*:[^/\s@]+@", re.IGNORECASE)
# snake_case, dotted or entry-point names (`pkg.module:func`), private names used as session
# or attribute keys (`_auth_user_id`, `_csrftoken`), CONSTANT_CASE and single upper-case words
# (enum members).
_IDENTIFIER = LazyPattern(
    r"^[a-z_][a-z0-9_]*(?:[.:][a-z_][a-z0-9_]*)+$|^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$"
    r"|^_+[a-z][a-z0-9]*(?:_[a-z0-9]+)*$"
    r"|^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$|^[A-Z]{2,12}$"
    # CamelCase words (ApplyTypeAnnotationsVisitor): random tokens have digits or capital runs.
    r"|^[A-Za-z][a-z]+(?:[A-Z][a-z]+)+$"
    # An option set to a word (ssh's `StrictHostKeyChecking=no`): a setting, not a key.
    r"|^[A-Z][a-z]+(?:[A-Z][a-z]+)+=[a-z]+$"
    r"|^arn:[\w-]+:|^(?:urn|projects|sm|ssm|secretsmanager):"
)
# Regular expressions are patterns for secrets, not secrets: (?:...), \d, [a-z0-9], {32}.
_REGEX = LazyPattern(r"\(\?[:=!<P]|\\[dswbDSW]|\[[^\]]*\w-\w[^\]]*\]|\{\d+(?:,\d*)?\}")


def _is_alphabet(value: str) -> bool:
    """`0123456789ABCDEF...`: a charset spelled out, mostly in ascending order."""
    if len(value) < 8:
        return False
    # At least 80% of the pairs ascend: stop at the first miss past the other 20% (a random
    # value misses at once; exact, as pairs - 0.8 * pairs is computed without rounding).
    pairs = len(value) - 1
    misses_allowed = pairs - 0.8 * pairs
    misses = 0
    for a, b in pairwise(value):
        if ord(b) != ord(a) + 1:
            misses += 1
            if misses > misses_allowed:
                return False
    return True


def is_placeholder(value: str) -> bool:
    """A value that only stands for a secret: `<your-key>`, `${VAR}`, `xxxx`, `changeme`,
    `sk_test_xxxxxxxx` (a real prefix padded with one repeated character)."""
    stripped = value.strip()
    if stripped.lower() in _PLACEHOLDER_WORDS or _PLACEHOLDER_RE.match(stripped):
        return True
    return len(stripped) >= 16 and len(set(stripped)) <= 8


def is_dummy_phrase(value: str) -> bool:
    """`test-secret-key`, `your-sendgrid-api-key`: words only, one of them a stand-in word."""
    if not _WORDY.match(value):
        return False
    # Digits form their own words and only "123" may be one: any other digit left decides it
    # without splitting (random tokens, thousands of them in a generated file, all have some).
    if _DIGIT.search(value.replace("123", "")):
        return False
    words = split_words(value)
    if not all(w.isalpha() or w == "123" for w in words):
        return False
    return any(w in _DUMMY_WORDS for w in words)


# Values a document shortened on purpose, and the sample keys providers publish (AWS's end in
# EXAMPLE / EXAMPLEKEY).
_ELIDED = LazyPattern(r"(?:\.\.\.|…)$|EXAMPLE(?:KEY)?$")


def placeholder_reason(value: str, key: str = "") -> str | None:
    """Why `value` is not a credential (a short reason), or None when it may be one."""
    return _placeholder_reason(value, key)


# Pure, and asked about each value several times: the entropy engine, its judge_value, then the
# SC101 prefilter (after the whole text stage, so the cache holds a large file's values:
# 64k entries of short strings, a few MB at most). One cache key shape whichever way the caller
# passes `key`.
@lru_cache(maxsize=1 << 16)
def _placeholder_reason(value: str, key: str) -> str | None:
    stripped = value.strip()
    if len(stripped) < 4:
        return "too short"
    if is_placeholder(stripped) or is_dummy_phrase(stripped):
        return "placeholder"
    if _ELIDED.search(stripped):
        return "elided or documented example"
    if any(ch in stripped for ch in "{}") and re.search(
        r"\{\{|\$\{|\{[A-Za-z_][\w.\[\]'\"]*\}|^@(?:format|jinja)\b", stripped
    ):
        return "template"
    if stripped.isdigit() and len(stripped) < 8:
        return "number"
    if " " in stripped and len(stripped.split()) >= 3:
        return "phrase"
    if _URL_OR_PATH.match(stripped) and not _URL_CREDENTIALS.match(stripped):
        return "url or path"
    if _IDENTIFIER.match(stripped):
        return "identifier"
    if _REGEX.search(stripped):
        return "regular expression"
    if _is_alphabet(stripped):
        return "alphabet"
    if key and set(split_words(stripped)) <= set(split_words(key)):
        return "equals its key"
    return None
