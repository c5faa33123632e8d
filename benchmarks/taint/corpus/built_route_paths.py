"""Routes whose path is built from a constant and a literal, not written as one literal.

`@app.get(f"/_app/{VERSION}" + "/resources/{key}/{path:path}")` registers a route as a literal
path does: its parameters are the request's, and a Flask converter in the literal part
(`PREFIX + "/items/<int:item_id>"`) still types its parameter. NiceGUI 1.4.20's resource route
was written this way and joined `path` under a resource folder unchecked (CVE-2024-32005).
"""

import os

from fastapi import FastAPI
from fastapi.responses import FileResponse
from flask import Blueprint, send_file

VERSION = "1.4.20"
PREFIX = "/api/v1"
RESOURCES = {"icons": "/srv/app/icons"}
app = FastAPI()
bp = Blueprint("files", __name__)


@app.get(f"/_app/{VERSION}" + "/resources/{key}/{path:path}")
def get_resource(key: str, path: str) -> FileResponse:
    if key in RESOURCES:
        # expect: SC205
        return FileResponse(os.path.join(RESOURCES[key], path))
    raise KeyError(key)


@bp.route(PREFIX + "/files/<path:name>")
def download(name):
    # expect: SC205
    return send_file(os.path.join("/srv/app/files", name))


@bp.route(PREFIX + "/items/<int:item_id>/raw")
def item_raw(item_id):
    # ok: SC205 an int converter
    return send_file(os.path.join("/srv/app/items", str(item_id)))
