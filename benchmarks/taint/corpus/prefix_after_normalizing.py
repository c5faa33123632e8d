"""A path's prefix test keeps it in a folder only once ".." is resolved away.

`realpath(join(BASE, name)).startswith(BASE + os.sep)` and `Path(...).resolve().is_relative_to(
base)` confine the path; the same tests on the joined path as written do not
(`BASE + "/../../etc/passwd"` starts with BASE), nor does a prefix every absolute path has.
"""

import os
from pathlib import Path

from flask import Flask, abort, request, send_file

app = Flask(__name__)
BASE = "/srv/files"


@app.route("/a")
def normalized_name():
    full = os.path.realpath(os.path.join(BASE, request.args["f"]))
    if not full.startswith(BASE + os.sep):
        abort(404)
    # ok: SC205
    return send_file(full)


@app.route("/b")
def resolved_inline():
    target = Path(BASE, request.args["f"])
    if not target.resolve().is_relative_to(Path(BASE)):
        abort(404)
    # ok: SC205
    return send_file(target)


@app.route("/c")
def as_written():
    full = os.path.join(BASE, request.args["f"])
    if not full.startswith(BASE + os.sep):
        abort(404)
    # expect: SC205
    return send_file(full)


@app.route("/d")
def any_absolute_path():
    path = os.path.abspath(request.args["f"])
    if path.startswith("/"):
        # expect: SC205
        return send_file(path)
    abort(404)


@app.route("/e")
def normalized_on_one_path():
    full = os.path.join(BASE, request.args["f"])
    if request.args.get("strict"):
        full = os.path.normpath(full)
    if not full.startswith(BASE + os.sep):
        abort(404)
    # expect: SC205
    return send_file(full)


@app.route("/g")
def lexical_is_relative_to():
    target = Path(BASE) / request.args["f"]
    if not target.is_relative_to(BASE):
        abort(404)
    # expect: SC205
    return send_file(target)


@app.route("/h")
def under_the_root_alone():
    name = request.args["f"]
    if ".." in name:
        abort(400)
    # expect: SC205
    return send_file("/" + name)


@app.route("/i")
def under_the_root_in_an_fstring():
    name = request.args["f"]
    if ".." in name:
        abort(400)
    # expect: SC205
    return send_file(f"/{name}")


@app.route("/j")
def under_a_folder():
    name = request.args["f"]
    if ".." in name:
        abort(400)
    # ok: SC205
    return send_file(f"/srv/files/{name}")


@app.route("/served")
def normalized_with_a_separator():
    # holdout28's servefile: the normalized join with a separator added is what is tested,
    # and the path it was built from is what is opened.
    path = os.path.join(BASE, request.args["f"])
    checked = os.path.normpath(os.path.join(BASE, path)) + os.path.sep
    if not checked.startswith(BASE + os.path.sep):
        abort(404)
    # ok: SC205
    return send_file(path)


@app.route("/served-more")
def normalized_then_more_text():
    # Text added after the normalizing call may hold ".." again.
    path = os.path.join(BASE, request.args["f"])
    checked = os.path.normpath(path) + request.args["g"]
    if not checked.startswith(BASE + os.path.sep):
        abort(404)
    # expect: SC205
    return send_file(checked)


@app.route("/sibling")
def prefix_without_a_separator():
    # holdout18's Flask-Admin: `startswith` compares text, so "/srv/files_old/x" passes a test
    # for "/srv/files": a sibling folder whose name starts with the base's.
    full = os.path.realpath(os.path.join(BASE, request.args["f"]))
    if not full.startswith(BASE):
        abort(404)
    # expect: SC205
    return send_file(full)


BASE_FOLDER = "/srv/files/"


@app.route("/folder-constant")
def prefix_constant_with_a_separator():
    full = os.path.realpath(os.path.join(BASE, request.args["f"]))
    if not full.startswith(BASE_FOLDER):
        abort(404)
    # ok: SC205
    return send_file(full)


@app.route("/folder-name")
def prefix_name_with_a_separator():
    base = os.path.join(BASE, "")
    full = os.path.realpath(os.path.join(base, request.args["f"]))
    if not full.startswith(base):
        abort(404)
    # ok: SC205
    return send_file(full)


@app.route("/folder-fstring")
def prefix_fstring_with_a_separator():
    full = os.path.realpath(os.path.join(BASE, request.args["f"]))
    if not full.startswith(f"{BASE}/"):
        abort(404)
    # ok: SC205
    return send_file(full)


@app.route("/segments")
def segments_compared():
    # `is_relative_to` compares whole segments: no sibling passes it.
    full = Path(BASE, request.args["f"]).resolve()
    if not full.is_relative_to(Path(BASE).resolve()):
        abort(404)
    # ok: SC205
    return send_file(full)
