"""A file extension cut at the last "." and placed after a file name (holdout11's Zou shape).

`upload.filename.split(".")[-1]` holds no "." at all, so no ".." segment; placed after literal
text (`"." + ext`, `f"{row_id}.{ext}"`) it does not start the name, so it cannot make it
absolute. The `expect` lines keep it honest: the pieces joined again, a split with a maxsplit,
the piece at the start of the name, and the name before the last ".".
"""

import os

from flask import Flask, request

app = Flask(__name__)
UPLOADS = "/srv/uploads"
UPLOADS_ID = 7


@app.route("/a", methods=["POST"])
def extension_after_a_dot():
    upload = request.files["file"]
    extension = "." + upload.filename.split(".")[-1].lower()
    # ok: SC205
    upload.save(os.path.join(UPLOADS, "42" + extension))


@app.route("/b", methods=["POST"])
def extension_in_an_fstring():
    upload = request.files["file"]
    extension = upload.filename.rsplit(".", 1)[-1]
    # ok: SC205
    upload.save(os.path.join(UPLOADS, f"{UPLOADS_ID}.{extension}"))


@app.route("/c", methods=["POST"])
def pieces_joined_again():
    upload = request.files["file"]
    name = ".".join(upload.filename.split(".")[1:])
    # expect: SC205
    upload.save(os.path.join(UPLOADS, "x" + name))


@app.route("/d", methods=["POST"])
def split_with_a_maxsplit():
    upload = request.files["file"]
    rest = upload.filename.split(".", 1)[-1]
    # expect: SC205
    upload.save(os.path.join(UPLOADS, "x" + rest))


@app.route("/e", methods=["POST"])
def piece_at_the_start():
    upload = request.files["file"]
    extension = upload.filename.split(".")[-1]
    # expect: SC205
    upload.save(os.path.join(UPLOADS, extension + ".png"))


@app.route("/f", methods=["POST"])
def name_before_the_last_dot():
    upload = request.files["file"]
    stem = upload.filename.rsplit(".", 1)[0]
    # expect: SC205
    upload.save(os.path.join(UPLOADS, "x" + stem))
