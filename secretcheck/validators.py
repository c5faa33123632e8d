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


VALIDATORS: dict[str, Callable[[str], str | None]] = {
    "jwt": jwt,
    "crc32-base62": crc32_base62_token,
    "pem-private-key": pem_private_key,
    "pypi-macaroon": pypi_macaroon,
}
