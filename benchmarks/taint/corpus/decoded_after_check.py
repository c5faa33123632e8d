"""Decoding after a check undoes the check.

A guard or a sanitizer speaks of the text it saw. `unquote("%2e%2e%2f")` is "../",
`html.unescape("&lt;")` is "<" and `b64decode` makes any bytes at all: whatever was checked
or escaped before such a step no longer holds after it. Decoding before the check is fine.
"""

import base64
import html
import os
import shlex
import subprocess
from urllib.parse import unquote

from flask import Flask, abort, redirect, request, send_file
from markupsafe import Markup, escape

app = Flask(__name__)
BASE = "/srv/files"


@app.route("/a")
def unquoted_after_guard():
    name = request.args["f"]
    if ".." in name or os.path.isabs(name):
        abort(400)
    # expect: SC205
    return send_file(os.path.join(BASE, unquote(name)))


@app.route("/b")
def unquoted_before_guard():
    name = unquote(request.args["f"])
    if ".." in name or os.path.isabs(name):
        abort(400)
    # ok: SC205
    return send_file(os.path.join(BASE, name))


@app.route("/c")
def unescaped_after_escape():
    safe = escape(request.args["q"])
    # expect: SC207
    return Markup("<p>" + html.unescape(safe) + "</p>")


@app.route("/d")
def escaped_after_unescape():
    text = html.unescape(request.args["q"])
    # ok: SC207
    return Markup("<p>%s</p>" % escape(text))


@app.route("/e")
def b64_after_quoting():
    quoted = shlex.quote(request.args["cmd"])
    # expect: SC202
    return subprocess.check_output("echo " + base64.b64decode(quoted).decode(), shell=True)


@app.route("/f")
def quoted_after_b64():
    text = base64.b64decode(request.args["cmd"]).decode()
    # ok: SC202
    return subprocess.check_output("echo " + shlex.quote(text), shell=True)


@app.route("/g")
def own_path_unquoted():
    # expect: SC210
    return redirect(unquote(request.full_path))
