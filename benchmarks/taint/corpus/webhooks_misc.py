"""Webhook receiver and admin endpoints written with a Flask blueprint and helpers."""

import os
import re
import subprocess
import xml.dom.minidom
from urllib.parse import urlparse
from urllib.request import urlopen

from flask import Blueprint, abort, jsonify, redirect, request

bp = Blueprint("hooks", __name__)
SAFE_NAME = re.compile(r"^[a-z0-9_-]{1,64}$")
ALLOWED_REDIRECT_HOSTS = {"app.example.com", "docs.example.com"}


@bp.post("/hooks/import")
def import_feed():
    # expect: SC209, SC241
    doc = xml.dom.minidom.parseString(request.get_data())
    return jsonify(nodes=len(doc.childNodes))


@bp.post("/hooks/fetch")
def fetch_remote():
    source = request.json["source"]
    # expect: SC206
    with urlopen(source, timeout=10) as resp:
        return jsonify(size=len(resp.read()))


@bp.get("/hooks/branch")
def checkout_branch():
    branch = request.args.get("branch", "main")
    if not re.fullmatch(r"[A-Za-z0-9._/-]+", branch):
        abort(400)
    # ok: SC202
    subprocess.run(f"git fetch origin {branch}", shell=True, check=True)
    return jsonify(ok=True)


@bp.get("/hooks/tag")
def tag():
    name = request.args["name"]
    if SAFE_NAME.fullmatch(name):
        # ok: SC202
        os.system("git tag " + name)
    return jsonify(ok=True)


@bp.get("/hooks/continue")
def continue_to():
    target = request.args.get("next", "/")
    if urlparse(target).netloc not in ALLOWED_REDIRECT_HOSTS:
        target = "/"
    # ok: SC210
    return redirect(target)


@bp.get("/hooks/back")
def back():
    # expect: SC210
    return redirect(request.referrer or request.args.get("back", "/"))


@bp.get("/hooks/logs/<name>")
def logs(name):
    # expect: SC202
    out = subprocess.check_output("tail -n 100 /var/log/hooks/" + name, shell=True)
    return jsonify(lines=out.decode().splitlines())
