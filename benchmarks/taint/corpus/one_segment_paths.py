"""Files named by one URL path segment (holdout14's LibreTranslate, holdout19's Lute, holdout20's
Rhasspy: `/download/<filename>` joined under a folder). The segment holds no "/": it names a
file of the folder or, as "..", the folder's parent, which no file read or write opens. All of
these are found (labelled `expect`); `tests/test_taint_threats.py` checks which are reported at
info with the reason (a lone segment into a file operation, or a name a separator test refused
before: holdout7's askbot) and which keep the rule's severity:
a `path` converter, a query parameter, a folder operation, two segments or one used twice, and
a segment rewritten so that it may hold a "/".
"""

import os
import re
import shutil
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from flask import Flask, request, send_file

app = Flask(__name__)
api = FastAPI()
UPLOADS = "/srv/uploads"


@app.route("/download/<filename>")
def download(filename):
    # expect: SC205
    return send_file(os.path.join(UPLOADS, filename))


@app.route("/files/<path:filename>")
def files(filename):
    # expect: SC205
    return send_file(os.path.join(UPLOADS, filename))


@app.route("/drop/<name>")
def drop(name):
    # expect: SC205
    shutil.rmtree(os.path.join(UPLOADS, name))
    return "gone"


@app.route("/languages/<lang>/<pack>")
def language_pack(lang, pack):
    # expect: SC205
    return send_file(os.path.join(UPLOADS, lang, pack))


@app.route("/twice/<name>")
def twice(name):
    # expect: SC205
    return send_file(f"{UPLOADS}/{name}/{name}")


@app.route("/dashed/<name>")
def dashed(name):
    # expect: SC205
    return send_file(os.path.join(UPLOADS, name.replace("-", "/")))


@app.route("/joined/<name>")
def joined(name):
    # expect: SC205
    return send_file(os.path.join(UPLOADS, os.sep.join(name.split("."))))


@app.route("/subbed/<name>")
def subbed(name):
    # expect: SC205
    return send_file(os.path.join(UPLOADS, re.sub("_", "/", name)))


@app.route("/under/<name>")
def under(name):
    # expect: SC205
    return send_file(os.path.join(UPLOADS, request.args["folder"], name))


@app.route("/slots/<name>", methods=["GET", "POST"])
def slots(name):
    slot_path = Path(UPLOADS) / name
    if request.method == "POST":
        # expect: SC205
        slot_path.write_text(request.get_data(as_text=True))
        return "saved"
    # expect: SC205
    return slot_path.read_text()


@api.get("/models/{key}/image")
def model_image(key: str):
    # expect: SC205
    return FileResponse(Path(UPLOADS) / f"{key}.webp")


@api.get("/static/{key:path}")
def static_file(key: str):
    # expect: SC205
    return FileResponse(Path(UPLOADS) / key)


@api.get("/thumbnail")
def thumbnail(key: str):
    # A FastAPI parameter the path does not name is the query string's: any text.
    # expect: SC205
    return FileResponse(Path(UPLOADS) / key)


def _serve(name):
    # expect: SC205
    return send_file(os.path.join(UPLOADS, name))


@app.route("/helper/<name>")
def helper(name):
    return _serve(name)


def _serve_pair(folder, name):
    # expect: SC205
    return send_file(os.path.join(UPLOADS, folder, name))


@app.route("/helper-pair/<folder>/<name>")
def helper_pair(folder, name):
    return _serve_pair(folder, name)


def _list(name):
    # expect: SC205
    return "\n".join(os.listdir(os.path.join(UPLOADS, name)))


@app.route("/listing/<name>")
def listing(name):
    return _list(name)


@app.route("/export")
def export():
    # askbot's download_user_data(): a name holding the separator is refused first.
    file_name = request.args["name"]
    if os.path.sep in file_name:
        return "refused", 403
    # expect: SC205
    return send_file(os.path.join(UPLOADS, file_name))


@app.route("/export-dots")
def export_dots():
    file_name = request.args["name"]
    if "/" not in file_name:
        # expect: SC205
        shutil.rmtree(os.path.join(UPLOADS, file_name))
    return "done"


@app.route("/users/<int:uid>/exports/<name>")
def user_export(uid, name):
    # The folder is the user record's own, looked up by a call not followed: not the client's
    # text beside the segment.
    folder = lookup_user(request.args["user"]).export_dir()
    # expect: SC205
    return send_file(os.path.join(folder, name))


@app.route("/docs/<name>")
@app.route("/docs/all/<path:name>")
def docs(name):
    # One route of the two takes a whole path: the broadest converter decides.
    # expect: SC205
    return send_file(os.path.join(UPLOADS, name))


@app.route("/put/<path:target>", methods=["PUT"])
def put_file(target):
    # holdout28's servefile: every "/" is stripped from the name, so it names one file of the
    # folder (or, as "..", the folder's parent, which open() for writing refuses).
    name = target.replace("/", "")
    # expect: SC205
    with open(os.path.join(UPLOADS, name), "wb") as out:
        out.write(request.get_data())
    return "stored"


@app.route("/put-dashed/<path:target>", methods=["PUT"])
def put_dashed(target):
    # expect: SC205
    return send_file(os.path.join(UPLOADS, target.replace("/", "_")))


@app.route("/put-dotless/<path:target>", methods=["PUT"])
def put_dotless(target):
    # Removing "../" leaves every other "/" (and "....//" becomes "../"): still any path.
    # expect: SC205
    return send_file(os.path.join(UPLOADS, target.replace("../", "")))


@app.route("/put-folder/<path:target>", methods=["DELETE"])
def put_folder(target):
    # One segment, but into a folder operation: ".." alone names the parent.
    # expect: SC205
    shutil.rmtree(os.path.join(UPLOADS, target.replace("/", "")))
    return "gone"


def create_app(store):
    factory_app = Flask(__name__)

    @factory_app.route("/shots/<watch>")
    def shot(watch):
        # The folder is the app factory's argument (a free name here), no client's text: the
        # segment alone climbs no further than its parent.
        # expect: SC205
        return send_file(os.path.join(store.datastore_path, watch))

    @factory_app.route("/pair/<first>/<second>")
    def pair(first, second):
        # Two segments of the client's: two levels.
        # expect: SC205
        return send_file(os.path.join(store.datastore_path, first, second))

    return factory_app
