"""Equality with a literal, or membership in a fixed set, pins the value compared, not the
value it was derived from.

`if mode.strip().lower() != "fast": abort(400)` leaves a spelling of "fast". But
`urlsplit(next_page).netloc != ""` pins only the netloc: `/\\evil.example` and
`http:/evil.example` have an empty one, and browsers take both off-site (otterwiki 2.6.2's login,
the shape of jupyter_server's CVE-2023-39968). `len(code) == 6` says nothing of what the six
characters are. An extension in `ALLOWED_EXTENSIONS` leaves the rest of the file name free
(`../../app/config.py`), and a host in `ALLOWED_HOSTS` pins where a URL leads, not its path.
"""

import os
from urllib.parse import urlsplit

from flask import Flask, abort, redirect, request, url_for

app = Flask(__name__)
UPLOADS = "/srv/uploads"
ALLOWED_EXTENSIONS = {"png", "jpg"}
ALLOWED_HOSTS = {"docs.example.com"}


@app.route("/login", methods=["POST"])
def login():
    next_page = request.form.get("next")
    if not next_page or urlsplit(next_page).netloc != "":
        next_page = url_for("index")
    # expect: SC210
    return redirect(next_page)


@app.route("/run")
def run():
    mode = request.args["mode"]
    if mode.strip().lower() != "fast":
        abort(400)
    # ok: SC202 a spelling of "fast"
    os.system("make " + mode)
    return "started"


@app.route("/calc")
def calc():
    code = request.args["code"]
    if len(code) != 6:
        abort(400)
    # expect: SC203
    return str(eval(code))


@app.route("/upload", methods=["POST"])
def upload():
    upload = request.files["file"]
    name = request.form["name"]
    if name.rsplit(".", 1)[-1].lower() in ALLOWED_EXTENSIONS:
        # expect: SC205
        upload.save(os.path.join(UPLOADS, name))
    return "ok"


@app.route("/go")
def go():
    url = request.args["url"]
    if urlsplit(url).hostname not in ALLOWED_HOSTS:
        abort(400)
    if request.args.get("confirm"):
        # ok: SC210 the host is one of ours
        return redirect(url)
    # expect: SC207
    return f"<a href='{url}'>continue</a>"
