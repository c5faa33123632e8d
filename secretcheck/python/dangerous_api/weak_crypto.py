"""SC240: broken or weak cryptography: a weak hash where security depends on it, a broken
cipher, ECB mode, a short RSA/DSA key or a constant IV/nonce.

How it detects, resolved through the file's imports:
- MD5/SHA-1 (`hashlib`, `hashlib.new("md5")`, `Crypto(dome).Hash`, hazmat `hashes.MD5/SHA1`)
  only where the surrounding names say security (sign, token, secret, auth, verify, nonce,
  session, csrf, otp, hmac, integrity, api key): a hash is a checksum until a name says
  otherwise. `usedforsecurity=False` and names about checksums, cache keys, ETags, file
  digests and fingerprints are never reported; a password is SC221's, not this rule's.
- DES, 3DES, RC2, ARC4, Blowfish, CAST5, IDEA, SEED, XOR (PyCryptodome/PyCrypto `.new`,
  cryptography hazmat `algorithms.*`), and ECB mode (`modes.ECB`, `MODE_ECB`).
- RSA/DSA keys generated with a literal size under 2048 bits (hazmat `generate_private_key`,
  PyCryptodome `RSA/DSA.generate`, pyOpenSSL `PKey.generate_key(TYPE_RSA, n)`).
- A constant IV or nonce: a bytes/str literal (or a name bound to one in the file) passed as
  `iv=`/`nonce=`, as the third argument of `AES.new`, or to hazmat `modes.CBC/CTR/GCM/...`.

What it deliberately misses: key sizes and IVs computed at run time, and algorithms chosen by
string from configuration.
"""

from __future__ import annotations

import ast

from secretcheck.findings import Confidence
from secretcheck.python.astsyntax import call_arguments, const_text, is_false, keyword
from secretcheck.python.dangerous_api.calls import (
    AES_NEW,
    CIPHERS,
    ECB,
    HASHES,
    IV_MODES,
    KEYGEN,
    WEAK_CRYPTO,
)
from secretcheck.python.dangerous_api.common import ApiCheck

PREFILTER = WEAK_CRYPTO
# Words of the enclosing function, the assigned name or the hashed data that make a hash a
# security control, and words that make it a checksum / cache key whatever else is around.
_SECURITY = frozenset({
    "sign", "signature", "signed", "signer", "token", "secret", "auth", "authenticate", "verify",
    "nonce", "session", "csrf", "otp", "hmac", "integrity", "apikey", "mac", "credential", "salt",
    "encrypt", "cipher",
})  # fmt: skip
_NOT_SECURITY = frozenset({
    "checksum", "etag", "cache", "fingerprint", "file", "content", "dedup", "filename", "path",
    "chunk", "md5sum", "crc", "bucket", "shard", "partition", "color", "colour", "avatar",
    "gravatar",
})  # fmt: skip
_PASSWORD = frozenset({"password", "passwd", "pwd", "passphrase", "pw"})


def _integer(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and type(node.value) is int


class Check(ApiCheck):
    def _constant(self, node: ast.expr | None) -> bool:
        """A literal, or a literal repeated (`b"\\x00" * 16`): the same bytes on every run."""
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult):
            return self._constant(node.left) and _integer(node.right)
        return self.string_value(node) is not None

    def _weak_hash(self, name: str, node: ast.Call) -> str | None:
        if name == "hashlib.new" and (node.args or node.keywords):
            algo = (const_text(call_arguments(node)[0][1]) or "").lower().replace("-", "")
            return f"hashlib.new({algo!r})" if algo in ("md5", "sha1", "md4") else None
        return name if name in HASHES else None

    def _hash(self, name: str, node: ast.Call) -> None:
        if is_false(keyword(node, "usedforsecurity")):
            return
        words = self.context_words(node)
        if words & _NOT_SECURITY or words & _PASSWORD:
            return
        if words & _SECURITY or ("api" in words and "key" in words):
            self.report(node, detail=f"{name} used for security",
                        signals=("name: " + ", ".join(sorted(words & _SECURITY)),),
                        confidence=Confidence.MEDIUM)  # fmt: skip

    def _key_size(self, name: str, node: ast.Call) -> None:
        size = self.argument(node, 0, "bits") if name.rsplit(".", 1)[-1] == "generate" else None
        if name.endswith("generate_private_key"):
            size = self.argument(node, 1, "key_size")
            if "dsa" in name.split("."):
                size = self.argument(node, 0, "key_size")
        if name.endswith("generate_key"):
            size = self.argument(node, 1, "bits")
        size = self.resolve_constant(size)
        bits = size.value if isinstance(size, ast.Constant) and _integer(size) else None
        if isinstance(bits, int) and size is not None and bits < 2048:
            # The size as written (`1_024`, `0x400`), as the libcst check quoted it.
            self.report(node, detail=f"{self.source(size)}-bit key", confidence=Confidence.HIGH)

    def _static_iv(self, name: str, node: ast.Call) -> None:
        candidates = [keyword(node, "iv"), keyword(node, "nonce")]
        if name in AES_NEW:
            candidates.append(self.argument(node, 2, "IV"))
        elif name in IV_MODES:
            candidates.append(self.argument(node, 0, "initialization_vector"))
            candidates.append(keyword(node, "nonce"))
        for value in candidates:
            if value is not None and self._constant(self.resolve_constant(value)):
                self.report(value, detail="constant IV/nonce", confidence=Confidence.HIGH)
                return

    def visit_Call(self, node: ast.Call) -> None:
        name = self.qualify(node.func)
        weak = self._weak_hash(name, node)
        if weak:
            self._hash(weak, node)
        elif name in CIPHERS:
            algorithm = name.removesuffix(".new").rsplit(".", 1)[-1]
            self.report(node, detail=f"broken cipher {algorithm}", confidence=Confidence.HIGH)
        elif name in ECB:
            self.report(node, detail="ECB mode", confidence=Confidence.HIGH)
        elif name in KEYGEN or (name.endswith(".generate_key") and self._rsa_pkey(node)):
            self._key_size(name, node)
        if name in AES_NEW and name not in CIPHERS:
            mode = self.argument(node, 1, "mode")
            if mode is not None and self.qualify(mode).endswith("MODE_ECB"):
                self.report(mode, detail="ECB mode", confidence=Confidence.HIGH)
        if name in AES_NEW or name in IV_MODES:
            self._static_iv(name, node)

    def _rsa_pkey(self, node: ast.Call) -> bool:
        kind = self.qualify(self.argument(node, 0, "type"))
        return kind.endswith(("TYPE_RSA", "TYPE_DSA"))


run_ast = Check.run_ast
