"""zipfile keeps every member under the folder it extracts to; tarfile does not.

Python's `ZipFile.extract()` and `extractall()` drop `..` components and leading slashes from
member names and create no links, so an uploaded zip extracted as it is (holdout41's INGInious
task upload) writes nothing outside the target folder. A tar archive extracted without
`filter=` may (CVE-2007-4559): the `expect` line keeps it honest.
"""

import tarfile
import tempfile
import zipfile
from zipfile import ZipFile

from flask import Flask, jsonify, request

app = Flask(__name__)
UPLOADS = "/srv/uploads"


@app.route("/task", methods=["POST"])
def upload_task():
    archive = ZipFile(request.files["task"])
    with tempfile.TemporaryDirectory() as folder:
        # ok: SC205
        archive.extractall(folder)
    return jsonify(ok=True)


@app.route("/task-with", methods=["POST"])
def upload_task_with():
    with zipfile.ZipFile(request.files["task"]) as archive:
        # ok: SC205
        archive.extract(archive.namelist()[0], UPLOADS)
    return jsonify(ok=True)


@app.route("/task-chained", methods=["POST"])
def upload_task_chained():
    # ok: SC205
    zipfile.ZipFile(request.files["task"]).extractall(UPLOADS)
    return jsonify(ok=True)


@app.route("/theme", methods=["POST"])
def upload_theme():
    with tarfile.open(fileobj=request.files["theme"].stream) as bundle:
        # expect: SC205
        bundle.extractall(UPLOADS)
    return jsonify(ok=True)

