"""Is an identifier or key credential-like? Split into words, then judge the words.

`DATABASEPASSWORD`, `apiKey`, `x_api_key`, `SECRET_KEY` and `client-secret` must all count;
`password_field`, `token_type`, `secret_name` and `tokenizer` must not. The word lists live here
because they are the definition of the check, not tunable data.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

_CAMEL = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")
# Glued lower-case forms worth finding inside one word (DATABASEPASSWORD, accesstoken).
_GLUED = (
    "password", "passwd", "passphrase", "secret", "apikey", "accesskey", "privatekey",
    "authkey", "secretkey", "signingkey", "encryptionkey", "masterkey", "clientsecret",
    "accesstoken", "authtoken", "refreshtoken", "bearertoken", "apitoken", "sessiontoken",
    "credential", "credentials", "connectionstring", "connstr",
)  # fmt: skip
WEAK_KEY = "key (weak: needs a random-looking value)"
_GLUED_TAILS = frozenset({"key", "keys", "str", "string", "value", "val", "s"})
_WORDS = frozenset(
    {"password", "passwd", "pwd", "pass", "passphrase", "secret", "secrets", "token",
     "apikey", "credential", "credentials", "pw", "psw", "pword"}
)  # fmt: skip
# Pairs of adjacent words that name a key: api key, access key, private key, ...
_KEY_QUALIFIERS = frozenset(
    {"api", "access", "private", "auth", "secret", "signing", "encryption", "master",
     "client", "app", "account", "service", "subscription", "license", "session", "webhook",
     "consumer", "storage", "db", "database"}
)  # fmt: skip
# A last word that says the value is about a secret, not the secret itself.
_META_SUFFIXES = frozenset(
    {"name", "names", "field", "fields", "type", "types", "file", "filename", "path", "dir",
     "url", "uri", "endpoint", "env", "var", "variable", "id", "ids", "label", "prompt",
     "placeholder", "pattern", "regex", "re", "header", "prefix", "suffix", "length", "len",
     "size", "min", "max", "count", "format", "fmt", "policy", "hash", "hashed", "digest",
     "param", "parameter", "key_name", "mode", "column", "col", "attr", "attribute", "class",
     "enabled", "required", "expiry", "expires", "expiration", "ttl", "timeout", "lifetime",
     "location", "store", "manager", "provider", "source", "help", "message", "msg", "text",
     "description", "title", "template", "validator", "reset", "changed", "display",
     "ref", "reference", "arn", "version", "scope", "scopes", "status", "kind", "error",
     "encoding", "encoder", "hasher", "hashers", "algorithm", "algo", "seconds", "secs",
     "minutes", "hours", "days", "ms", "validity", "rotation", "strategy", "backend",
     "cookie", "storage", "mount", "volume", "ttl_seconds", "sha", "checksum", "salt_length",
     "active", "sources", "use", "usage", "attachment", "access"}
)  # fmt: skip
_META_PREFIXES = frozenset(
    {"max", "min", "num", "is", "has", "use", "show", "get", "set", "check", "validate",
     "verify", "confirm", "new", "old", "forgot", "reset", "no", "require", "allow",
     "existing", "public", "publishable", "masked", "hide", "sensitive"}
)  # fmt: skip
_NOT_SECRET_WORDS = frozenset(
    {
        "tokenizer",
        "tokenize",
        "tokens",
        "tokenized",
        "passenger",
        "bypass",
        "compass",
        "passthrough",
        "password_validators",
    }
)


@lru_cache(maxsize=4096)
def split_words(name: str) -> tuple[str, ...]:
    """`x_apiKey-v2` -> ('x', 'api', 'key', 'v', '2'), all lower-case."""
    words: list[str] = []
    for chunk in re.split(r"[^A-Za-z0-9]+", name):
        words.extend(w.lower() for w in _CAMEL.findall(chunk))
    return tuple(words)


@lru_cache(maxsize=4096)
def credential_words(name: str) -> str | None:
    """The credential word a name contains (e.g. 'password', 'api key'), or None."""
    words = split_words(name)
    if not words or name.lower() in _NOT_SECRET_WORDS:
        return None
    if any(w in _NOT_SECRET_WORDS for w in words):
        return None
    if words[-1] in _META_SUFFIXES or words[0] in _META_PREFIXES:
        return None
    if any(w in ("public", "publishable", "pub") for w in words):
        return None  # RECAPTCHA_PUBLIC_KEY, STRIPE_PUBLISHABLE_KEY: published by design
    for first, second in pairwise(words):
        if second in ("key", "keys") and first in _KEY_QUALIFIERS:
            return f"{first} key"
        if first == "basic" and second == "auth":
            return "basic auth"
    for word in words:
        if word in _WORDS:
            return word
    if words == ("auth",):  # npm's `_auth`, a bare `auth = "user:pass"`
        return "auth"
    if words[-1] == "key" and len(words) > 1:
        return WEAK_KEY  # NONCE_KEY, HMAC_KEY: a key only if the value looks random
    for word in words:
        for glued in _GLUED:
            # Glued at the end (DATABASEPASSWORD, accesstoken) or followed by a word that
            # still names the secret (secretkey); `secretcheck` and `passwordreset` do not count.
            if word.endswith(glued) or (
                word.startswith(glued) and word[len(glued) :] in _GLUED_TAILS
            ):
                return glued
    return None
