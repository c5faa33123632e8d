"""A file named by a fresh name plus the extension of the client's name or URL (holdout18's
convertit: `_, ext = os.path.splitext(url)`, then `uuid4() + ext`). The extension follows the
last separator and is a dot then no dot, so no path built with it climbs out of its folder. The
root splitext() leaves is the client's path, separators and `..` included.
"""

import os
from os.path import splitext
from uuid import uuid4

from flask import Flask, request

app = Flask(__name__)
DOWNLOADS = "/srv/downloads"


@app.route("/fetch")
def fetch():
    url = request.args["url"]
    _, ext = os.path.splitext(url)
    target = os.path.join(DOWNLOADS, "%s%s" % (uuid4(), ext))
    # ok: SC205
    with open(target, "wb") as fh:
        fh.write(b"")
    return "fetched"


@app.route("/upload", methods=["POST"])
def upload():
    name = request.files["doc"].filename
    extension = splitext(name)[-1]
    # ok: SC205
    request.files["doc"].save(os.path.join(DOWNLOADS, uuid4().hex + extension))
    return "saved"


@app.route("/backup")
def backup():
    root, ext = os.path.splitext(request.args["name"])
    # expect: SC205
    with open(os.path.join(DOWNLOADS, root + ".bak"), "wb") as fh:
        fh.write(ext.encode())
    return "backed up"


@app.route("/stem")
def stem():
    # expect: SC205
    return open(os.path.join(DOWNLOADS, os.path.splitext(request.args["name"])[0])).read()
