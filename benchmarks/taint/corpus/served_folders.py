"""`send_from_directory(directory, name)` joins only the name safely: werkzeug's `safe_join`
refuses a name that leaves the folder, but the folder itself is taken as given. A folder built
from the request serves whatever file of the server the name then picks (platypush's
`/resources/<path:path>` appended the URL's segments to a configured folder, tested the
unnormalized text with `startswith()`, and served from it). A folder of one URL segment reaches
the files of its parent at most ("..", then a name joined safely): found, at info with the
reason (`tests/test_taint_threats.py`), as a segment into a file operation is.
"""

import os

from flask import Flask, abort, request, send_from_directory

app = Flask(__name__)
BASE = "/srv/resources"
THEMES = {"dark": "/srv/themes/dark", "light": "/srv/themes/light"}


@app.route("/resources/<path:path>")
def resources(path):
    parts = [s for s in path.split("/") if s]
    folder = BASE
    for part in parts[:-1]:
        folder += os.sep + part
    if not folder.startswith(BASE):
        abort(404)
    # expect: SC205
    return send_from_directory(folder, parts[-1])


@app.route("/skin/<name>")
def skin(name):
    # expect: SC205
    return send_from_directory(directory=os.path.join(BASE, request.args["skin"]), path=name)


@app.route("/file/<path:name>")
def file_in_folder(name):
    # ok: SC205
    return send_from_directory(BASE, name)


@app.route("/theme/<path:name>")
def theme_file(name):
    theme = request.args.get("theme", "dark")
    if theme not in THEMES:
        abort(404)
    # ok: SC205
    return send_from_directory(THEMES[theme], name)


@app.route("/checked/<path:name>")
def checked_folder(name):
    folder = os.path.realpath(os.path.join(BASE, request.args["dir"]))
    if not folder.startswith(BASE + os.sep):
        abort(404)
    # ok: SC205
    return send_from_directory(folder, name)


@app.route("/shots/<watch>")
def screenshot(watch):
    # expect: SC205
    return send_from_directory(os.path.join(BASE, watch), "last-screenshot.png")
