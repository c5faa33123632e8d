"""A path refused when it holds a ".." segment or is absolute (holdout's mlflow shape).

Neither half alone keeps a path under the folder it is joined to: `/etc/passwd` holds no "..",
and `a/../../b` is relative. Both together do. The `expect` lines keep it honest: each half
alone, and a check on another name.
"""

import os
import pathlib
import posixpath

from flask import Flask, abort, request, send_file

app = Flask(__name__)
BASE = "/srv/files"


@app.route("/a")
def both_halves():
    path = request.args["p"]
    if ".." in path or os.path.isabs(path):
        abort(400)
    # ok: SC205
    return send_file(os.path.join(BASE, path))


@app.route("/b")
def segments_and_pure_path():
    path = request.args["p"]
    if ".." in path.split("/") or pathlib.PurePosixPath(path).is_absolute():
        abort(400)
    # ok: SC205
    return send_file(posixpath.join(BASE, path))


@app.route("/c")
def inside_the_branch():
    path = request.args["p"]
    if ".." not in pathlib.PurePath(path).parts and not os.path.isabs(path):
        # ok: SC205
        return send_file(os.path.join(BASE, path))
    abort(400)


@app.route("/d")
def no_parent_only():
    path = request.args["p"]
    if ".." in path:
        abort(400)
    # expect: SC205
    with open(os.path.join(BASE, path), encoding="utf-8") as handle:
        return handle.read()


@app.route("/e")
def relative_only():
    # expect: SC205
    return send_file(BASE + "/" + request.args["p"]) if not posixpath.isabs(request.args["p"]) else ""


@app.route("/f/<name>")
def another_name(name):
    target = request.args["p"]
    if os.path.isabs(target):
        abort(400)
    elif ".." in name:
        abort(404)
    # expect: SC205
    return send_file(os.path.join(BASE, target))


@app.route("/g", methods=["POST"])
def either_half_in_an_and():
    upload = request.files["f"]
    if ".." in upload.filename and os.path.isabs(upload.filename):
        return "no", 400
    # expect: SC205
    upload.save(os.path.join(BASE, upload.filename))
    return "ok"
