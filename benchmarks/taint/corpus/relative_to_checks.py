"""pathlib's `relative_to` raises ValueError unless the path is under the base: a call that
returns is the containment check `is_relative_to` is, once ".." is resolved away.

The idiom Python's documentation gives (`try: p.relative_to(base) except ValueError: ...`)
confines the path after the `try` when every handler leaves; a bare call does too (a path
outside raises, and nothing after it runs). A handler that goes on, a path as written (no
`resolve()`: `BASE/../etc` is relative to BASE as text) and `walk_up=True` (3.12: it answers
`../x` instead of raising) confine nothing.
"""

from pathlib import Path

from flask import Flask, abort, request, send_file

app = Flask(__name__)
BASE = Path("/srv/files")


@app.route("/a")
def in_try():
    full = (BASE / request.args["f"]).resolve()
    try:
        full.relative_to(BASE)
    except ValueError:
        abort(403)
    # ok: SC205
    return send_file(full)


@app.route("/b")
def bare_call():
    full = (BASE / request.args["f"]).resolve()
    full.relative_to(BASE)
    # ok: SC205
    return send_file(full)


@app.route("/c")
def value_kept():
    full = Path(BASE, request.args["f"]).resolve()
    relative = full.relative_to(BASE)
    # ok: SC205
    return send_file(BASE / relative)


@app.route("/d")
def handler_goes_on():
    full = (BASE / request.args["f"]).resolve()
    try:
        full.relative_to(BASE)
    except ValueError:
        app.logger.warning("outside the folder")
    # expect: SC205
    return send_file(full)


@app.route("/e")
def as_written():
    full = BASE / request.args["f"]
    full.relative_to(BASE)
    # expect: SC205
    return send_file(full)


@app.route("/g")
def walking_up():
    full = (BASE / request.args["f"]).resolve()
    full.relative_to(BASE, walk_up=True)
    # expect: SC205
    return send_file(full)


@app.route("/h")
def checked_in_try_body():
    full = (BASE / request.args["f"]).resolve()
    try:
        full.relative_to(BASE)
        # ok: SC205
        return send_file(full)
    except ValueError:
        abort(403)


def _inside(path: Path) -> bool:
    try:
        path.resolve().relative_to(BASE)
    except ValueError:
        return False
    return True


@app.route("/i")
def validator_function():
    full = BASE / request.args["f"]
    if not _inside(full):
        abort(403)
    # ok: SC205
    return send_file(full)


def _logged(path: Path) -> bool:
    try:
        path.resolve().relative_to(BASE)
    except ValueError:
        app.logger.info("outside")
    return True


@app.route("/j")
def validator_whose_handler_goes_on():
    full = BASE / request.args["f"]
    if not _logged(full):
        abort(403)
    # expect: SC205
    return send_file(full)
