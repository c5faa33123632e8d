"""Offline checks that a matched value really has a provider's structure.

A validator returns None to reject a match, or a short note (never the value) to attach to the
finding. Rules name their validator in `pattern.validator`.
"""

from __future__ import annotations

import base64
import binascii
import json
import zlib
from collections.abc import Callable

_BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
# A note starting with this marks a provider's published sample: reported as info only.
DOCUMENTED_EXAMPLE = "documented example"
# A note containing this keeps the finding but lowers its confidence.
NOT_VERIFIED = "not verified"
_JWT_IO_SAMPLE = {"sub": "1234567890", "name": "John Doe", "iat": 1516239022}


def _b64json(part: str) -> object | None:
    try:
        padded = part + "=" * (-len(part) % 4)
        decoded: object = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
        return decoded
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return None


def jwt(value: str) -> str | None:
    """A JWT's header and payload are base64url JSON objects; the header names an algorithm."""
    parts = value.split(".")
    if len(parts) != 3:
        return None
    header, payload = _b64json(parts[0]), _b64json(parts[1])
    if not isinstance(header, dict) or not isinstance(payload, dict) or "alg" not in header:
        return None
    if payload == _JWT_IO_SAMPLE:
        return f"{DOCUMENTED_EXAMPLE} (the jwt.io sample token)"
    return f"JWT header and payload decode (alg {str(header['alg'])[:10]})"


def _base62(number: int, width: int) -> str:
    digits = []
    for _ in range(width):
        number, rest = divmod(number, 62)
        digits.append(_BASE62[rest])
    return "".join(reversed(digits))


def crc32_base62_token(value: str) -> str | None:
    """GitHub (ghp_, gho_, ...) and npm (npm_) tokens end in a base62 CRC32 of their body.

    GitHub documents the checksum in its 2021 token-format announcement; npm adopted the
    same layout for its granular tokens. A value whose checksum does not match is kept (the
    rule's regex already matched) but gets no extra confidence, so this validator never rejects.
    """
    _, _, rest = value.partition("_")
    if len(rest) < 7:
        return None
    body, checksum = rest[:-6], rest[-6:]
    if _base62(zlib.crc32(body.encode("ascii", "replace")), 6) == checksum:
        return "checksum valid"
    return "checksum not verified"


def pem_private_key(value: str) -> str | None:
    """A PEM body must be base64 of a plausible length; encrypted keys are still findings."""
    lines = [ln.strip() for ln in value.splitlines() if ln.strip() and ":" not in ln]
    body = "".join(ln for ln in lines if not ln.startswith("-----"))
    if len(body) < 40:
        return None
    try:
        base64.b64decode(body + "=" * (-len(body) % 4), validate=False)
    except (binascii.Error, ValueError):
        return None
    return "PEM body decodes"


def pypi_macaroon(value: str) -> str | None:
    """PyPI tokens are macaroons: their first serialised field is the location, pypi.org or
    test.pypi.org (PyPI help, "API tokens"; the pymacaroons v2 binary format)."""
    body = value.removeprefix("pypi-")[:40]
    try:
        raw = base64.urlsafe_b64decode(body[: len(body) // 4 * 4])
    except (binascii.Error, ValueError):
        return None
    for site in (b"pypi.org", b"test.pypi.org"):
        if raw.startswith(b"\x02\x01" + bytes([len(site)]) + site):
            return f"macaroon location {site.decode()}"
    return f"macaroon location {NOT_VERIFIED}"


def _b64decode(value: str) -> bytes | None:
    try:
        return base64.b64decode(value + "=" * (-len(value) % 4), altchars=b"-_")
    except (binascii.Error, ValueError):
        try:
            return base64.b64decode(value + "=" * (-len(value) % 4))
        except (binascii.Error, ValueError):
            return None


def jwe(value: str) -> str | None:
    """A compact JWE (RFC 7516 section 7.1) has five parts; its protected header is JSON naming
    both the key-management `alg` and the content-encryption `enc`."""
    parts = value.split(".")
    if len(parts) != 5:
        return None
    header = _b64json(parts[0])
    if not isinstance(header, dict) or "alg" not in header or "enc" not in header:
        return None
    return f"JWE header decodes (enc {str(header['enc'])[:12]})"


def base64_jwt(value: str) -> str | None:
    """A JWT under one more layer of base64: decode it and judge the JWT itself."""
    raw = _b64decode(value)
    if raw is None:
        return None
    try:
        inner = raw.decode("ascii").strip()
    except UnicodeDecodeError:
        return None
    verdict = jwt(inner)
    return None if verdict is None else f"base64 of a JWT; {verdict}"


def base64_pem_private_key(value: str) -> str | None:
    """kubeconfig `client-key-data`: base64 of a PEM private key, whose body must decode too."""
    raw = _b64decode(value)
    if raw is None:
        return None
    text = raw.decode("ascii", "replace")
    if "PRIVATE KEY-----" not in text or pem_private_key(text) is None:
        return None
    return "base64 of a PEM private key"


def grafana_legacy_key(value: str) -> str | None:
    """Grafana's deprecated API keys are base64 JSON with the secret `k`, a name `n` and an org
    `id` (Grafana source, apikeygen); anything else that starts eyJrIjoi is not one."""
    raw = _b64decode(value)
    try:
        data = json.loads(raw or b"")
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(data, dict) or not {"k", "n", "id"} <= set(data):
        return None
    return "Grafana key JSON decodes (k, n, id)"


def jfrog_reference_token(value: str) -> str | None:
    """JFrog reference tokens are base64 of 'reftkn:01:<expiry seconds>:<random>'."""
    raw = _b64decode(value)
    if raw is None:
        return None
    fields = raw.split(b":")
    if len(fields) < 4 or fields[0] != b"reftkn" or not fields[2].isdigit():
        return None
    return "reference-token layout decodes"


VALIDATORS: dict[str, Callable[[str], str | None]] = {
    "jwe": jwe,
    "base64-jwt": base64_jwt,
    "base64-pem-private-key": base64_pem_private_key,
    "grafana-legacy-key": grafana_legacy_key,
    "jfrog-reference-token": jfrog_reference_token,
    "jwt": jwt,
    "crc32-base62": crc32_base62_token,
    "pem-private-key": pem_private_key,
    "pypi-macaroon": pypi_macaroon,
}
