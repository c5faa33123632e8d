"""A function of the module that validates its argument, whatever its name says.

`is_md5(h)` returning `MD5.match(h)` with an anchored `MD5 = re.compile(...)`, or a check
that returns False early and True at the end, proves of its argument what its body proves
(MobSF's `is_md5`, holdout13). An unanchored pattern, a rebound parameter or a return that
proves nothing keeps the value tainted. A function of the module is read by its body, not by
its name: `is_safe_next()` is named for a check, but its body lets "/\\evil.example" through
(holdout30's aird), while `is_safe_path()`'s body confines the name.
"""

import os
import re

from flask import Flask, abort, redirect, request, send_file

app = Flask(__name__)
BASE = "/srv/files"
MD5 = re.compile(r"^[0-9a-f]{32}$")
PREFIX = re.compile(r"^[0-9a-f]{32}")
MULTI = re.compile(r"^[0-9a-f]{32}$", re.M)


def is_md5(value):
    found = MD5.match(value)
    if not found:
        print("not an md5")
    return found


def is_hash(value):
    if not re.fullmatch(r"[0-9a-f]{64}", value):
        return False
    return True


def starts_like_md5(value):
    return PREFIX.match(value)


def md5_on_a_line(value):
    return MULTI.match(value)


def stripped_md5(value):
    value = value.strip()
    return MD5.match(value)


def strict_name(value):
    pat = re.compile(r"^[\w-]+$")
    found = re.match(pat, value)
    if not found:
        print("not a name")
    return found


def any_answer(value):
    if MD5.match(value):
        return True
    return len(value) > 3


@app.route("/a")
def checked_by_match():
    digest = request.args["h"]
    if not is_md5(digest):
        abort(400)
    # ok: SC205
    return send_file(os.path.join(BASE, digest))


@app.route("/b")
def checked_by_early_exit():
    digest = request.args["h"]
    if is_hash(digest):
        # ok: SC205
        return send_file(os.path.join(BASE, digest))
    abort(400)


@app.route("/c")
def unanchored():
    digest = request.args["h"]
    if not starts_like_md5(digest):
        abort(400)
    # expect: SC205
    return send_file(os.path.join(BASE, digest))


@app.route("/d")
def multiline_flag():
    digest = request.args["h"]
    if not md5_on_a_line(digest):
        abort(400)
    # expect: SC205
    return send_file(os.path.join(BASE, digest))


@app.route("/e")
def parameter_rebound():
    digest = request.args["h"]
    if not stripped_md5(digest):
        abort(400)
    # expect: SC205
    return send_file(os.path.join(BASE, digest))


@app.route("/g")
def one_return_proves_nothing():
    digest = request.args["h"]
    if not any_answer(digest):
        abort(400)
    # expect: SC205
    return send_file(os.path.join(BASE, digest))


@app.route("/h")
def checked_by_a_local_pattern():
    name = request.args["n"]
    if not strict_name(name):
        abort(400)
    # ok: SC205
    return send_file(os.path.join(BASE, name + ".txt"))


@app.route("/i")
def inline_compiled_pattern():
    digest = request.args["h"]
    if not MD5.match(digest):
        abort(400)
    # ok: SC205
    return send_file(os.path.join(BASE, digest))


def is_safe_next(url):
    if not url.startswith("/") or url.startswith("//"):
        return False
    return True


def is_safe_path(name):
    full = os.path.realpath(os.path.join(BASE, name))
    return full.startswith(BASE + os.sep)


@app.route("/j")
def next_by_a_check_named_safe():
    target = request.args["next"]
    if not is_safe_next(target):
        abort(400)
    # expect: SC210
    return redirect(target)


@app.route("/k")
def path_by_a_sound_check_named_safe():
    name = request.args["f"]
    if not is_safe_path(name):
        abort(404)
    # ok: SC205
    return send_file(os.path.join(BASE, name))
