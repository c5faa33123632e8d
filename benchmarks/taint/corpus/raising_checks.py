"""A check that raises to refuse, called as a statement: what it proves by returning at all
holds after the call (`check_name(name)`, then `open(name)`).

Read from the module's own function or method body: an early `raise` (or `abort()`) on a
failed test, a `relative_to()` that would raise. A check that refuses by returning (None, or
False, which a statement call ignores) proves nothing, nor does one with a `return` before its
test. The same call bound to a name (`full = checked_full(name)`, esphome's `rel_path()`)
proves it of its argument too.
"""

import os
from pathlib import Path

from flask import Flask, abort, request, send_file
from flask.views import MethodView

app = Flask(__name__)
BASE = "/srv/files"


def check_name(name: str) -> None:
    if ".." in name or os.path.isabs(name):
        raise ValueError("bad name")


def check_name_quietly(name: str) -> bool:
    if ".." in name or os.path.isabs(name):
        return False
    return True


def check_name_late(name: str, strict: bool) -> None:
    if not strict:
        return
    if ".." in name or os.path.isabs(name):
        raise ValueError("bad name")


def checked_full(name: str) -> Path:
    full = Path(BASE, name).resolve()
    full.relative_to(BASE)
    return full


def rel_path(name: str) -> str:
    joined = os.path.join(BASE, name)
    Path(joined).resolve().relative_to(BASE)
    return joined


def check_or_abort(name: str) -> None:
    if ".." in name or os.path.isabs(name):
        abort(400)


@app.route("/a")
def raised():
    name = request.args["f"]
    check_name(name)
    # ok: SC205
    return send_file(os.path.join(BASE, name))


@app.route("/b")
def refused_by_returning():
    name = request.args["f"]
    check_name_quietly(name)
    # expect: SC205
    return send_file(os.path.join(BASE, name))


@app.route("/c")
def returned_before_the_test():
    name = request.args["f"]
    check_name_late(name, request.args.get("strict") == "1")
    # expect: SC205
    return send_file(os.path.join(BASE, name))


@app.route("/d")
def bound_and_argument_used():
    name = request.args["f"]
    full = checked_full(name)
    app.logger.info("sending %s", full)
    # ok: SC205
    return send_file(os.path.join(BASE, name))


@app.route("/d2")
def joined_then_resolved():
    name = request.args["f"]
    rel_path(name)
    # ok: SC205
    return send_file(os.path.join(BASE, name))


@app.route("/e")
def aborted():
    name = request.args["f"]
    check_or_abort(name)
    # ok: SC205
    return send_file(os.path.join(BASE, name))


@app.route("/g")
def checked_another_name():
    name = request.args["f"]
    check_name(request.args.get("other", "x"))
    # expect: SC205
    return send_file(os.path.join(BASE, name))


class Files(MethodView):
    def _check(self, name: str) -> None:
        if ".." in name or os.path.isabs(name):
            raise ValueError("bad name")

    def get(self):
        name = request.args["f"]
        self._check(name)
        # ok: SC205
        return send_file(os.path.join(BASE, name))


app.add_url_rule("/files", view_func=Files.as_view("files"))
