"""Signing helpers. The public key below is published; the private key lives in KMS."""

from __future__ import annotations

import hashlib
import hmac

from cryptography.fernet import Fernet

PUBLIC_KEY_PEM = """{{public_pem:key}}"""  ⟪-public-key⟫

ROOT_CA = """{{public_pem:cert}}"""  ⟪-certificate⟫

FERNET = Fernet(b"{{base64url:43}}=")  ⟪+sink-positional⟫
SIGNING_KEY = "{{alnum:24}}"  ⟪+generic-secret⟫
HASH_ALGORITHM = "sha256"  ⟪-enum-word⟫


def sign(payload: bytes) -> str:
    return hmac.new(b"{{alnum:32}}", payload, hashlib.sha256).hexdigest()  ⟪+sink-positional⟫


def fingerprint(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
