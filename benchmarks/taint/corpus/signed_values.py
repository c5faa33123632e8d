"""A value the server signed: a keyed MAC of it, checked against the request's signature.

An image proxy or a download link carries its target and an HMAC of it under the server's
secret key (`/image_proxy?url=...&h=...`). Past `if h != request.args["h"]: abort(403)`, or a
failed `hmac.compare_digest(...)` that leaves, the target is one the server itself signed: the
client cannot sign a URL of its own choosing without the key. A MAC under a key the client
sends, an unkeyed digest (`sha256(url)`, which anyone computes), a check that does not leave,
and a MAC of a different value prove nothing.
"""

import hashlib
import hmac
import os

import requests
from flask import Flask, abort, request, send_file

from .utils import new_hmac

app = Flask(__name__)
SECRET_KEY = os.environ["SECRET_KEY"].encode()


@app.route("/image_proxy")
def image_proxy():
    url = request.args.get("url").encode("utf-8")
    h = new_hmac(SECRET_KEY, url)
    if h != request.args.get("h"):
        return "", 400
    # ok: signed by the server
    return requests.get(url, stream=True, timeout=5).content


@app.route("/proxy/compare-digest")
def proxy_compare_digest():
    url = request.args["url"]
    expected = hmac.new(SECRET_KEY, url.encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, request.args.get("sig", "")):
        abort(403)
    # ok: signed by the server
    return requests.get(url, timeout=5).text


@app.route("/download")
def download():
    name = request.args["file"]
    if not hmac.compare_digest(
        hmac.new(SECRET_KEY, msg=name.encode(), digestmod="sha256").hexdigest(),
        request.args.get("sig", ""),
    ):
        abort(403)
    # ok: signed by the server
    return send_file(os.path.join("/srv/files", name))


@app.route("/proxy/client-key")
def proxy_client_key():
    url = request.args["url"]
    key = request.args["key"].encode()
    h = hmac.new(key, url.encode(), hashlib.sha256).hexdigest()
    if h != request.args.get("h"):
        abort(403)
    # expect: SC206
    return requests.get(url, timeout=5).text


@app.route("/proxy/unkeyed")
def proxy_unkeyed():
    url = request.args["url"]
    if hashlib.sha256(url.encode()).hexdigest() != request.args.get("h"):
        abort(403)
    # expect: SC206
    return requests.get(url, timeout=5).text


@app.route("/proxy/check-without-exit")
def proxy_check_without_exit():
    url = request.args["url"]
    h = new_hmac(SECRET_KEY, url)
    if h != request.args.get("h"):
        app.logger.warning("bad signature")
    # expect: SC206
    return requests.get(url, timeout=5).text


@app.route("/proxy/other-value")
def proxy_other_value():
    url = request.args["url"]
    ref = request.args["ref"]
    h = new_hmac(SECRET_KEY, ref)
    if h != request.args.get("h"):
        abort(403)
    # expect: SC206
    return requests.get(url, timeout=5).text


@app.route("/proxy/reassigned-mac")
def proxy_reassigned_mac():
    url = request.args["url"]
    h = new_hmac(SECRET_KEY, url)
    h = request.args.get("h")
    if h != request.args.get("h2"):
        abort(403)
    # expect: SC206
    return requests.get(url, timeout=5).text
