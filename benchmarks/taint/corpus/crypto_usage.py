"""Crypto helpers of a billing service: legacy ciphers, key generation, request signing and
the many harmless hashes (ETags, cache keys, file checksums) around them."""

import hashlib
import hmac
import os

from Crypto.Cipher import AES, ARC4, DES, DES3, Blowfish
from Crypto.PublicKey import DSA, RSA
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import dsa, rsa
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

LEGACY_IV = b"\x00" * 16
STATIC_NONCE = b"billing-nonce-01"


def legacy_encrypt(key, data):
    # expect: SC240
    return DES.new(key, DES.MODE_CBC, os.urandom(8)).encrypt(data)


def legacy_triple(key, data):
    # expect: SC240
    return DES3.new(key, DES3.MODE_CBC, os.urandom(8)).encrypt(data)


def stream_encrypt(key, data):
    # expect: SC240
    return ARC4.new(key).encrypt(data)


def blowfish_encrypt(key, data):
    # expect: SC240
    return Blowfish.new(key, Blowfish.MODE_CBC, os.urandom(8)).encrypt(data)


def ecb_encrypt(key, data):
    # expect: SC240
    return AES.new(key, AES.MODE_ECB).encrypt(data)


def gcm_encrypt(key, data):
    # ok: SC240
    cipher = AES.new(key, AES.MODE_GCM, nonce=os.urandom(12))
    return cipher.encrypt_and_digest(data)


def fixed_iv_encrypt(key, data):
    # expect: SC240
    return AES.new(key, AES.MODE_CBC, iv=b"0123456789abcdef").encrypt(data)


def fixed_iv_constant(key, data):
    # expect: SC240
    return AES.new(key, AES.MODE_CBC, LEGACY_IV).encrypt(data)


def random_iv_encrypt(key, data):
    iv = os.urandom(16)
    # ok: SC240
    return iv + AES.new(key, AES.MODE_CBC, iv).encrypt(data)


def hazmat_triple_des(key):
    # expect: SC240
    return Cipher(algorithms.TripleDES(key), modes.CBC(os.urandom(8)))


def hazmat_ecb(key):
    # expect: SC240
    return Cipher(algorithms.AES(key), modes.ECB())


def hazmat_static_iv(key):
    # expect: SC240
    return Cipher(algorithms.AES(key), modes.CBC(LEGACY_IV))


def hazmat_static_nonce(key):
    # expect: SC240
    return Cipher(algorithms.AES(key), modes.GCM(STATIC_NONCE))


def hazmat_random_iv(key):
    # ok: SC240
    return Cipher(algorithms.AES(key), modes.CBC(os.urandom(16)))


def hazmat_arc4(key):
    # expect: SC240
    return Cipher(algorithms.ARC4(key), mode=None)


def small_rsa():
    # expect: SC240
    return rsa.generate_private_key(public_exponent=65537, key_size=1024)


def strong_rsa():
    # ok: SC240
    return rsa.generate_private_key(public_exponent=65537, key_size=4096)


def small_dsa():
    # expect: SC240
    return dsa.generate_private_key(key_size=1024)


def legacy_rsa():
    # expect: SC240
    return RSA.generate(1024)


def modern_rsa():
    # ok: SC240
    return RSA.generate(3072)


def legacy_dsa():
    # expect: SC240
    return DSA.generate(1024)


def sign_webhook(secret, body):
    # expect: SC240
    return hashlib.md5(secret + body).hexdigest()


def make_session_token(user_id, salt):
    # expect: SC240
    return hashlib.sha1(f"{user_id}:{salt}".encode()).hexdigest()


def verify_signature(secret, body, received):
    # expect: SC240
    expected = hashlib.new("md5", secret + body).hexdigest()
    return hmac.compare_digest(expected, received)


def api_key_digest(api_key):
    # expect: SC240
    return hashlib.sha1(api_key.encode()).hexdigest()


def hazmat_signature_hash():
    # expect: SC240
    return hashes.Hash(hashes.SHA1())


def sign_webhook_sha256(secret, body):
    # ok: SC240
    return hmac.new(secret, body, hashlib.sha256).hexdigest()


def etag_for(body):
    # ok: SC240
    return hashlib.md5(body).hexdigest()


def cache_key(url, params):
    # ok: SC240
    return hashlib.sha1(f"{url}?{params}".encode()).hexdigest()


def file_checksum(path):
    with open(path, "rb") as fh:
        # ok: SC240
        return hashlib.md5(fh.read()).hexdigest()


def content_fingerprint(payload):
    # ok: SC240
    return hashlib.sha1(payload).hexdigest()


def token_bucket_shard(token):
    # ok: SC240
    return int(hashlib.md5(token.encode(), usedforsecurity=False).hexdigest(), 16) % 64


def gravatar_url(email):
    # ok: SC240
    digest = hashlib.md5(email.strip().lower().encode()).hexdigest()
    return f"https://www.gravatar.com/avatar/{digest}"


def dedup_key(record):
    # ok: SC240
    return hashlib.md5(repr(sorted(record.items())).encode()).hexdigest()


def strong_token_digest(token):
    # ok: SC240
    return hashlib.sha256(token.encode()).hexdigest()
