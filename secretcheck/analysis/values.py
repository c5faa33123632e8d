"""What a candidate value looks like: shape, entropy, and the well-known non-secrets.

Value-only tools (detect-secrets, gitleaks) report digests, UUIDs, commit ids, migration ids and
inline images because those are random-looking too. Each filter here names one such family and
asks for the context that tells it apart (a `sha256`/`integrity` key, a `revision =` line), so a
random value under a credential name is still reported.
"""

from __future__ import annotations

import base64
import binascii
import math
import re
import string
from collections import Counter
from functools import cache, lru_cache
from typing import Any

from secretcheck.lazyre import LazyPattern

_UUID = LazyPattern(
    r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
)
_HEX = LazyPattern(r"^[0-9a-fA-F]+$")
# LVM physical/logical volume UUIDs (lsblk, blkid): 32 base62 characters in groups 6-4-4-4-4-4-6.
_LVM_UUID = LazyPattern(r"^[A-Za-z0-9]{6}(?:-[A-Za-z0-9]{4}){5}-[A-Za-z0-9]{6}$")
# Multipart boundaries (RFC 2046 section 5.1.1): `----WebKitFormBoundary<16 random>` and the
# like are random by design and public in every request that carries them.
_BOUNDARY = LazyPattern(r"^-{3,}[\w'()+,./:=?-]+$|(?i:boundary)")
_BOUNDARY_CONTEXT = LazyPattern(r"(?i)boundary\s*[=:]")
# Raw lengths of MD5, SHA-1, SHA-224, SHA-256, SHA-384 and SHA-512 digests.
_DIGEST_BYTES = frozenset({16, 20, 28, 32, 48, 64})
# Words on a line that say a hex or base64 value is a digest or an id, not a key.
_DIGEST_WORDS = (
    r"(?:sha\d*|md5|blake2\w*|hash(?:es)?|digest|checksum|integrity|etag|crc|fingerprint"
    r"|commit|revision|\brev\b|_rev\b|\brev_|\bref\b|git_?sha|hexsha|object_?id|oid|nonce_?id|--hash"
    r"|request_?id|trace_?id|correlation|build_?id|image_?id|sri|sum\b|\bid\b|_id\b|uuid)"
)
_DIGEST_CONTEXT = LazyPattern("(?i)" + _DIGEST_WORDS)
_ALEMBIC = LazyPattern(
    r"^\s*(?:down_)?revision\s*(?::\s*[\w\[\], |]+)?\s*=|^Revision ID:|^Revises:"
)
# A hex value keyed by a file name or version (`"helm-v3.13.3": "<sha256>"`) is its digest.
_FILE_KEY = LazyPattern(
    r"""["'][\w.+-]*(?:\d\.\d|\.(?:zip|tar|gz|tgz|whl|jar|exe|bin|deb|rpm|dmg|js|css|msi|iso))[\w.+-]*["']\s*:"""
)
# Notebook outputs and API payloads: {"image/png": "<base64>"}
_INLINE_MEDIA = LazyPattern(r"""["'](?:image|audio|video|font)/[\w.+-]+["']\s*:""")
_MEDIA_TYPES = ("image/", "audio/", "video/", "font/")  # a line without these cannot match
_DATA_URI = LazyPattern(r"data:[\w/+.-]+;base64,", re.IGNORECASE)
_PUBLIC_MARKERS = ("-----BEGIN ", "ssh-", "ecdsa-")  # a line without these cannot match
_PUBLIC_MATERIAL = LazyPattern(
    r"-----BEGIN (?:CERTIFICATE|PUBLIC KEY|RSA PUBLIC KEY|PGP PUBLIC KEY BLOCK|X509 CRL"
    r"|CERTIFICATE REQUEST)-----|\bssh-(?:rsa|ed25519|dss)\s+AAAA|\becdsa-sha2-\S+\s+AAAA"
)
_BENIGN_FILES = LazyPattern(
    r"(?i)(?:^|/)(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml"
    r"|poetry\.lock|Pipfile\.lock|pdm\.lock|uv\.lock|Cargo\.lock|Gemfile\.lock|composer\.lock"
    r"|go\.sum|[^/]*\.lock|[^/]*\.min\.(?:js|css)|[^/]*\.(?:map|po|pot|mo|svg|xliff|xlf)"
    r"|[^/]*\.ipynb_checkpoints/.*)$"
    # A translation catalogue, also one folder per language (`locale/fr/viewer.properties`,
    # pdf.js's layout: 84 SC110 alerts on `password_cancel=...` in one web app).
    r"|(?:^|/)(?:locales?|i18n|l10n|translations)/(?:[^/]+/){0,2}[^/]+\.(?:json|ya?ml|properties)$"
)
# Values that name something rather than hold it: enum words, MIME types, schemes.
_ENUM_WORDS = frozenset(
    {"bearer", "basic", "digest", "oauth", "oauth2", "jwt", "hmac", "api_key", "apikey",
     "access_token", "refresh_token", "id_token", "client_credentials", "authorization_code",
     "password", "implicit", "token", "secret", "plain", "plaintext", "none", "true", "false",
     "required", "optional", "hidden", "text", "string", "sha256", "hs256", "rs256", "es256",
     # Option values of YAML/INI settings named after a password (ansible's
     # `update_password: always`, `password_prompt: never`): a policy, not the password.
     "always", "never", "on_create", "on_change", "yes", "no", "on", "off", "auto",
     "enabled", "disabled", "present", "absent", "prompt", "ask", "unset"}
)  # fmt: skip


# Pure functions of one value, asked several times per candidate (filters, `describe`,
# `strength`): cached, since a generated file can hold tens of thousands of candidates.
# Sized for a generated file's tens of thousands of values: the entropy plugins ask for every
# value of a line before `describe` asks again, and a smaller cache had dropped them by then.
@lru_cache(maxsize=1 << 16)
def shannon_entropy(value: str) -> float:
    if not value:
        return 0.0
    # The same terms, summed in the same order, as `-sum(n / t * log2(n / t))`: bit for bit the
    # old value (thresholds compare it exactly), without a generator step per character kind.
    terms = _entropy_terms(len(value))
    return -sum(map(terms.__getitem__, Counter(value).values()))


@lru_cache(maxsize=256)
def _entropy_terms(total: int) -> tuple[float, ...]:
    """`n / total * log2(n / total)` for each count `n` from 0 (unused) to `total`."""
    return (0.0, *(n / total * math.log2(n / total) for n in range(1, total + 1)))


_LOWER = frozenset(string.ascii_lowercase)
_UPPER = frozenset(string.ascii_uppercase)
_DIGITS = frozenset(string.digits)
_ALNUM = _LOWER | _UPPER | _DIGITS


@lru_cache(maxsize=4096)
def charset(value: str) -> str:
    if _HEX.match(value):
        return "hex"
    if value.isascii():  # the common case, by set operations instead of a pass per class
        chars = set(value)
        classes = [
            name
            for name, members in (("lower", _LOWER), ("upper", _UPPER), ("digits", _DIGITS))
            if not chars.isdisjoint(members)
        ]
        if not chars <= _ALNUM:
            classes.append("symbols")
        return "+".join(classes) or "empty"
    classes = [
        name
        for name, test in (
            ("lower", str.islower),
            ("upper", str.isupper),
            ("digits", str.isdigit),
        )
        if any(test(c) for c in value)
    ]
    if any(not c.isalnum() for c in value):
        classes.append("symbols")
    return "+".join(classes) or "empty"


def describe(value: str) -> str:
    """`16 chars, entropy 3.9, lower+digits`: safe to print, says nothing usable."""
    return f"value: {len(value)} chars, entropy {shannon_entropy(value):.1f}, {charset(value)}"


def is_uuid(value: str) -> bool:
    return bool(_UUID.match(value))


def is_enum_word(value: str) -> bool:
    return value.strip().lower() in _ENUM_WORDS


def benign_file(path: str) -> str | None:
    """Why a whole file cannot hold secrets worth an entropy or keyword finding, or None."""
    match = _BENIGN_FILES.search(path)
    if match is None:
        return None
    name = path.rsplit("/", 1)[-1].lower()
    if name.endswith((".po", ".pot", ".mo", ".xliff", ".xlf")) or "/" in match.group(0).strip("/"):
        return "i18n catalog"
    if ".min." in name or name.endswith(".map"):
        return "minified asset"
    if name.endswith(".svg"):
        return "image"
    return "lock file"


def benign_value(value: str, line: str = "", *, named: bool = False) -> str | None:
    """Why a random-looking `value` on `line` is a known non-secret, or None.

    `named` says a credential name already vouches for the value (`api_secret = "<hex>"`): then
    only shapes that are never keys (UUIDs, inline images, public keys) are rejected.
    """
    if value.endswith(("EXAMPLE", "EXAMPLEKEY")):
        return "documented example key"
    # Words each search below needs, tested first (a generated file asks this of 40k values).
    # Only on ASCII: `re.IGNORECASE` also folds letters like U+017F (long s) to ASCII ones.
    lowered = line.lower() if line.isascii() else None
    may_data = lowered is None or ";base64," in lowered
    if may_data and _DATA_URI.search(line) and value in line.split(";base64,", 1)[-1]:
        return "data uri"
    if any(m in line for m in _MEDIA_TYPES) and _INLINE_MEDIA.search(line):
        return "inline image"
    if any(m in line for m in _PUBLIC_MARKERS) and _PUBLIC_MATERIAL.search(line):
        return "public key or certificate"
    if value.startswith(("pk_live_", "pk_test_", "pk.eyJ")):
        return "publishable key"
    if named:
        # Under a credential name even a UUID can be the key (Heroku, Snyk and Postmark keys).
        return None
    if _UUID.match(value) or _LVM_UUID.match(value):
        return "uuid"
    context = line.replace(value, " ")  # the line without the value itself
    may_boundary = lowered is None or "boundary" in lowered
    if _BOUNDARY.search(value) or (may_boundary and _BOUNDARY_CONTEXT.search(context)):
        return "multipart boundary"
    if _ALEMBIC.search(line):
        return "migration revision id"
    if _HEX.match(value) and len(value) in (7, 8, 12, 32, 40, 56, 64, 96, 128):
        if _digest_context(context) or _FILE_KEY.search(context):
            return "hex digest or commit id"
    elif _digest_context(context) and re.search(
        r"(?i)sha\d+-|integrity|checksum|digest", line
    ):
        return "digest"
    if _base64_digest(value) and (_digest_context(context) or _FILE_KEY.search(context)):
        # bokeh's `_sri/<version>.json`: {"bokeh-3.1.min.js": "<base64 SHA-384>"}, the
        # Subresource Integrity digests of its released files (holdout50: 1,168 alerts)
        return "base64 digest"
    if is_enum_word(value):
        return "enum-like word"
    if _encoded_text(value):
        return "base64 of plain text"
    return None


def _digest_context(text: str) -> bool:
    """A word in `text` saying a nearby value is a digest or an id."""
    if text.isascii():
        return _digest_words_ascii().search(text.lower()) is not None
    return _DIGEST_CONTEXT.search(text) is not None


@cache
def _digest_words_ascii() -> Any:
    """The digest words in RE2, for lowered ASCII text, where its ASCII-only `\\b`, `\\w` and
    `\\d` read as `re`'s do: a 30-way alternation took `re` ~50 us per 320-character window
    (backtracking at every position), RE2 ~4 us. A 40k-value generated line asks it per value."""
    import re2  # type: ignore[import-untyped]

    return re2.compile(_DIGEST_WORDS)


def _base64_digest(value: str) -> bool:
    """Base64 of exactly a digest's length (`sha256-<44 chars>` in an integrity field)."""
    if not re.fullmatch(r"[A-Za-z0-9+/_-]+={0,2}", value):
        return False
    unpadded = len(value.rstrip("="))
    return unpadded * 3 // 4 in _DIGEST_BYTES and unpadded % 4 != 1


def _encoded_text(value: str) -> bool:
    """Base64 that decodes to words (`VGhlIHF1aWNr...`): an encoded message, not a key."""
    if len(value) < 16 or not re.fullmatch(r"[A-Za-z0-9+/_-]+={0,2}", value):
        return False
    try:
        raw = base64.b64decode(value + "=" * (-len(value) % 4), altchars=b"-_", validate=False)
    except (binascii.Error, ValueError):
        return False
    text = raw.decode("latin-1")
    return len(text) >= 8 and text.isascii() and text.isprintable() and " " in text
