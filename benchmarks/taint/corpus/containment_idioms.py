"""More ways code checks that a path stays in its folder, each confining only once ".." is
resolved away and only against a folder that is not the root.

- `BASE in full.parents` (pathlib, segment by segment), with `full` resolved;
- `str(full).startswith(str(BASE) + os.sep)`: the text of a resolved path;
- `os.path.relpath(full, ROOT).startswith(os.pardir)`: relpath makes both paths absolute, so
  its answer starts with ".." exactly when `full` is outside ROOT. `startswith("../")` misses
  ROOT's own parent (relpath gives "..").
"""

import os
from pathlib import Path

from flask import Flask, abort, request, send_file

app = Flask(__name__)
BASE = Path("/srv/files")
ROOT = "/srv/files"


@app.route("/a")
def in_parents():
    full = (BASE / request.args["f"]).resolve()
    if BASE not in full.parents:
        abort(403)
    # ok: SC205
    return send_file(full)


@app.route("/b")
def in_parents_as_written():
    full = BASE / request.args["f"]
    if BASE not in full.parents:
        abort(403)
    # expect: SC205
    return send_file(full)


@app.route("/c")
def under_the_root():
    full = (BASE / request.args["f"]).resolve()
    if Path("/") not in full.parents:
        abort(403)
    # expect: SC205
    return send_file(full)


@app.route("/d")
def text_of_resolved():
    full = (BASE / request.args["f"]).resolve()
    if not str(full).startswith(str(BASE) + os.sep):
        abort(403)
    # ok: SC205
    return send_file(full)


@app.route("/e")
def text_without_separator():
    full = (BASE / request.args["f"]).resolve()
    if not str(full).startswith(str(BASE)):
        abort(403)
    # expect: SC205
    return send_file(full)


@app.route("/g")
def relpath_pardir():
    full = os.path.join(ROOT, request.args["f"])
    if os.path.relpath(full, ROOT).startswith(os.pardir):
        abort(403)
    # ok: SC205
    return send_file(full)


@app.route("/h")
def relpath_dots():
    full = os.path.join(ROOT, request.args["f"])
    if os.path.relpath(full, ROOT).startswith(".."):
        abort(403)
    # ok: SC205
    return send_file(full)


@app.route("/i")
def relpath_dots_slash():
    full = os.path.join(ROOT, request.args["f"])
    if os.path.relpath(full, ROOT).startswith("../"):
        abort(403)
    # expect: SC205
    return send_file(full)


@app.route("/j")
def relpath_true_branch():
    full = os.path.join(ROOT, request.args["f"])
    if os.path.relpath(full, ROOT).startswith(".."):
        # expect: SC205
        return send_file(full)
    abort(403)


@app.route("/k")
def relative_to_the_root():
    full = (BASE / request.args["f"]).resolve()
    if not full.is_relative_to(Path("/")):
        abort(403)
    # expect: SC205
    return send_file(full)


@app.route("/m")
def relpath_bound():
    full = os.path.join(ROOT, request.args["f"])
    rel = os.path.relpath(full, ROOT)
    if rel.startswith(os.pardir) or os.path.isabs(rel):
        abort(403)
    # ok: SC205
    return send_file(full)


@app.route("/n")
def relpath_bound_dots_slash():
    full = os.path.join(ROOT, request.args["f"])
    rel = os.path.relpath(full, ROOT)
    if rel.startswith("../"):
        abort(403)
    # expect: SC205
    return send_file(full)


@app.route("/o")
def relpath_rebound():
    full = os.path.join(ROOT, request.args["f"])
    rel = os.path.relpath(full, ROOT)
    rel = request.args.get("other", "")
    if rel.startswith(os.pardir):
        abort(403)
    # expect: SC205
    return send_file(full)
