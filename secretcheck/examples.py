"""Expand example templates such as `{{alnum:36}}` into fake secrets at run time.

Rule examples, test fixtures and the accuracy corpus hold templates, never token-shaped text,
so the repository scans itself clean and no real-looking key is ever committed. A seeded
`random.Random` makes every expansion reproducible (this is test data, not key material, so
`secrets` would be the wrong tool here).
"""

from __future__ import annotations

import base64
import json
import random
import re
import string
import zlib
from collections.abc import Callable

_TEMPLATE = re.compile(r"\{\{(?P<kind>[a-z_0-9]+)(?::(?P<arg>[^}]*))?\}\}")
_BASE62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
_CHARSETS = {
    "alnum": string.ascii_letters + string.digits,
    "upper_alnum": string.ascii_uppercase + string.digits,
    "lower_alnum": string.ascii_lowercase + string.digits,
    "upper": string.ascii_uppercase,
    "lower": string.ascii_lowercase,
    "digits": string.digits,
    "hex": "0123456789abcdef",
    "upper_hex": "0123456789ABCDEF",
    "base64": string.ascii_letters + string.digits + "+/",
    "base64url": string.ascii_letters + string.digits + "-_",
    "password": string.ascii_letters + string.digits + "!#%&*+-=?@^_",
    "alpha": string.ascii_letters,
    "bech32": "qpzry9x8gf2tvdw0s3jn54khce6mua7l".upper(),
}


def _random_text(rng: random.Random, charset: str, length: int) -> str:
    # Keep drawing until the value is not trivially low-entropy (all one class, repeats).
    while True:
        value = "".join(rng.choice(charset) for _ in range(length))
        if length < 8 or len(set(value)) >= min(len(charset), length) // 2:
            return value


def _crc_token(rng: random.Random, prefix: str) -> str:
    """A token in GitHub's documented layout: prefix_, 30 base62 chars, base62 CRC32 (6)."""
    body = _random_text(rng, _BASE62, 30)
    number, digits = zlib.crc32(body.encode()), []
    for _ in range(6):
        number, rest = divmod(number, 62)
        digits.append(_BASE62[rest])
    return f"{prefix}_{body}{''.join(reversed(digits))}"


def _b64url_json(data: dict[str, object]) -> str:
    raw = json.dumps(data, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _jwt(rng: random.Random, arg: str) -> str:
    """A JWT; `{{jwt:jwtio}}` carries the header and payload of jwt.io's documented sample."""
    header = _b64url_json({"alg": "HS256", "typ": "JWT"})
    claims: dict[str, object] = {"sub": str(rng.randrange(10**6, 10**7)), "iat": 1700000000}
    if arg == "jwtio":
        claims = {"sub": "1234567890", "name": "John Doe", "iat": 1516239022}
    payload = _b64url_json(claims)
    return f"{header}.{payload}.{_random_text(rng, _CHARSETS['base64url'], 43)}"


def _pem(rng: random.Random, arg: str) -> str:
    label = f"{arg.upper()} PRIVATE KEY" if arg else "PRIVATE KEY"
    body = base64.b64encode(rng.randbytes(600)).decode()
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    return "\n".join([f"-----BEGIN {label}-----", *lines, f"-----END {label}-----"])


def _b64(rng: random.Random, arg: str) -> str:
    """`{{b64:alnum:16}}`: base64 of a fresh value (Kubernetes Secret `data`, basic auth)."""
    kind, _, length = arg.partition(":")
    raw = _random_text(rng, _CHARSETS[kind or "alnum"], int(length or 16))
    return base64.b64encode(raw.encode()).decode()


def _public_pem(rng: random.Random, arg: str) -> str:
    """`{{public_pem:cert}}` / `{{public_pem:key}}`: public material, never a secret."""
    label = "CERTIFICATE" if arg == "cert" else "PUBLIC KEY"
    body = base64.b64encode(rng.randbytes(400 if arg == "cert" else 270)).decode()
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    return "\n".join([f"-----BEGIN {label}-----", *lines, f"-----END {label}-----"])


_HUMAN_WORDS = ("summer", "dragon", "monkey", "shadow", "sunshine", "football", "welcome",
                "harley", "ranger", "buster", "tigger", "orange", "winter", "falcon")  # fmt: skip


def _human(rng: random.Random, _arg: str) -> str:
    """A human-chosen password: a word, a year or number, maybe a symbol (Summer2024!)."""
    word = rng.choice(_HUMAN_WORDS)
    word = word.capitalize() if rng.random() < 0.6 else word
    return f"{word}{rng.randrange(10, 2030)}{rng.choice(['', '!', '#', '$', '@'])}"


def _uuid(rng: random.Random, _arg: str) -> str:
    h = _random_text(rng, _CHARSETS["hex"], 32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"


def _pypi_token(rng: random.Random, arg: str) -> str:
    """PyPI's layout: pypi- + base64url of a macaroon whose first bytes name the site."""
    site = b"test.pypi.org" if arg == "test" else b"pypi.org"
    raw = b"\x02\x01" + bytes([len(site)]) + site + b"\x02\x25" + rng.randbytes(120)
    return "pypi-" + base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _jwe(rng: random.Random, _arg: str) -> str:
    """A compact JWE (RFC 7516): protected header, encrypted key, IV, ciphertext, tag."""
    header = _b64url_json({"alg": "RSA-OAEP-256", "enc": "A256GCM"})
    parts = [_random_text(rng, _CHARSETS["base64url"], n) for n in (342, 16, 120, 22)]
    return ".".join([header, *parts])


def _b64jwt(rng: random.Random, _arg: str) -> str:
    """A JWT wrapped in one more base64 layer (how some configs and cookies store it)."""
    return base64.b64encode(_jwt(rng, "").encode()).decode()


def _b64pem(rng: random.Random, arg: str) -> str:
    """`{{b64pem:rsa}}`: base64 of a PEM private key (kubeconfig `client-key-data`)."""
    return base64.b64encode(_pem(rng, arg).encode()).decode()


def _grafana_key(rng: random.Random, _arg: str) -> str:
    """Grafana's legacy API key layout: base64 of {"k": secret, "n": name, "id": org}."""
    data = {"k": _random_text(rng, _CHARSETS["alnum"], 32), "n": "deploy", "id": 1}
    return base64.b64encode(json.dumps(data, separators=(",", ":")).encode()).decode()


def _jfrog_ref(rng: random.Random, _arg: str) -> str:
    """A JFrog reference token: base64 of 'reftkn:01:<expiry>:<random>' (48 bytes, 64 chars)."""
    while True:
        raw = f"reftkn:01:{rng.randrange(10**9, 10**10)}:{_random_text(rng, _BASE62, 27)}"
        token = base64.b64encode(raw.encode()).decode()
        if token.isalnum():  # the documented tokens are alphanumeric only
            return token


_SPECIAL: dict[str, Callable[[random.Random, str], str]] = {
    "jwe": _jwe,
    "b64jwt": _b64jwt,
    "b64pem": _b64pem,
    "grafana_key": _grafana_key,
    "jfrog_ref": _jfrog_ref,
    "uuid": _uuid,
    "public_pem": _public_pem,
    "human": _human,
    "pypi_token": _pypi_token,
    "b64": _b64,
    "crc_token": _crc_token,
    "jwt": _jwt,
    "pem": _pem,
}


def expand(template: str, seed: int | str = 0) -> str:
    """Fill every `{{kind:arg}}` in `template`; unknown kinds raise ValueError."""
    rng = random.Random(f"{seed}:{template}")

    def fill(match: re.Match[str]) -> str:
        kind, arg = match.group("kind"), match.group("arg") or ""
        if kind in _SPECIAL:
            return _SPECIAL[kind](rng, arg)
        if kind in _CHARSETS:
            return _random_text(rng, _CHARSETS[kind], int(arg or 32))
        raise ValueError(f"unknown example template {{{{{kind}}}}}")

    return _TEMPLATE.sub(fill, template)


def is_template(text: str) -> bool:
    return bool(_TEMPLATE.search(text))
