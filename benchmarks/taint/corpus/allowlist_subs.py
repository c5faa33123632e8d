"""A value with every character outside an allowlist class replaced (`re.sub(r"[^\\w-]", "", v)`).

What remains is the class's characters and the replacement's. With no separator and no dot a
name stays in its folder; with no markup characters it is no HTML; with only letters, digits
and `_-.` it is no shell syntax. A blocklist (Gerapy's), a class that keeps `/` and `.`, or a
replacement that brings the character back in, clears nothing of what it lets through.
"""

import os
import re
import subprocess

from flask import Flask, request, send_file
from markupsafe import Markup

app = Flask(__name__)
BASE = "/srv/files"
LEGAL_NAME = re.compile(r"[^0-9A-Za-z_-]")


@app.route("/a")
def allowlisted_name():
    name = re.sub(r"[^\w-]", "", request.args["name"])
    # ok: SC205
    return send_file(os.path.join(BASE, name + ".txt"))


@app.route("/b")
def compiled_constant():
    name = LEGAL_NAME.sub("-", request.args["name"])
    # ok: SC205
    return send_file(os.path.join(BASE, name))


@app.route("/c")
def allowlisted_markup():
    text = re.sub("[^a-zA-Z0-9 .,]+", "", request.args["q"])
    # ok: SC207
    return Markup("<p>" + text + "</p>")


@app.route("/d")
def allowlisted_command():
    tag = re.sub(r"[^\w.-]", "_", request.args["tag"])
    # ok: SC202
    return subprocess.check_output("git tag " + tag, shell=True)


@app.route("/e")
def blocklist():
    tag = re.sub(r"[;&|]", "", request.args["tag"])
    # expect: SC202
    return subprocess.check_output("git tag " + tag, shell=True)


@app.route("/g")
def keeps_dots_and_slashes():
    name = re.sub(r"[^\w./-]", "", request.args["name"])
    # expect: SC205
    return send_file(os.path.join(BASE, name))


@app.route("/h")
def replacement_brings_a_slash():
    name = re.sub(r"[^\w-]", "/", request.args["name"])
    # expect: SC205
    return send_file("/" + name)


@app.route("/i")
def keeps_dots_only():
    name = re.sub(r"[^\w.]", "", request.args["name"])
    # expect: SC205
    return send_file(os.path.join(BASE, name, "index.html"))


@app.route("/j")
def markup_kept():
    text = re.sub(r"[^\w<>]", "", request.args["q"])
    # expect: SC207
    return Markup("<p>" + text + "</p>")
