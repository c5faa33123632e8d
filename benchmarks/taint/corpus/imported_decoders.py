"""An imported decoder hands on the text its caller encoded.

A payment server scans a code the user pastes (an LNURL: bech32 of a URL), decodes it with the
project's own `decode`, and fetches the URL: the user chose it (the class of CVE-2025-32013).
Decoding is no check: a function named for decoding (`decode`, `*_decode`, `decode_*`) from
another module is followed as base64 and percent decoding are. A decoder that verifies a
signature first (`jwt.decode`, `flask_jwt_extended.decode_token`, itsdangerous, Django signing)
returns what the server signed, and a method of an object the file does not know stays opaque:
each is an --audit lead only.
"""

import httpx
import jwt
import requests
from fastapi import FastAPI
from flask_jwt_extended import decode_token

from .codec import decode_path, make_codec
from .lnurl import decode as lnurl_decode
from .signing import signed_decode

api = FastAPI()
JWT_KEY = "configured elsewhere"


@api.get("/api/v1/lnurlscan/{code}")
async def lnurlscan(code: str):
    url = str(lnurl_decode(code))
    async with httpx.AsyncClient(follow_redirects=True) as client:
        # expect: SC206
        r = await client.get(url, timeout=5)
    return r.json()


@api.get("/files/{encoded}")
def read_encoded(encoded: str):
    # expect: SC205
    with open(decode_path(encoded)) as handle:
        return handle.read()


@api.get("/callback")
def callback(token: str):
    claims = jwt.decode(token, JWT_KEY, algorithms=["HS256"])
    # The claims were signed with the server's key: an opaque value, a lead under --audit.
    # audit: SC206
    return requests.get(claims["webhook"], timeout=5).status_code


@api.get("/refresh")
def refresh(token: str):
    claims = decode_token(token)
    # flask_jwt_extended verifies the token: an opaque value, a lead under --audit.
    # audit: SC206
    return requests.get(claims["sub"], timeout=5).status_code


@api.get("/signed")
def signed(value: str):
    # A decoder named for verifying a signature: an opaque value, a lead under --audit.
    # audit: SC206
    return requests.get(signed_decode(value), timeout=5).status_code


@api.get("/codec/{code}")
def codec_method(code: str):
    codec = make_codec()
    # audit: SC206
    return requests.get(codec.decode(code), timeout=5).text
