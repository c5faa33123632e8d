"""Hard negatives from the third real-code pass (issue 10): a Flask print-server's API in the
shapes of the judged applications (OctoPrint's login view, language-pack upload and printer
profiles), each checked or confined in a way the engine did not see, with positives beside them.

- `if not validate_local_redirect(url, allowed): url = default`: a predicate the code imports
  whose name says it validates (`safe`, `valid`, `allow`, `whitelist`, `is_local`) checks the
  first argument that may carry request data; `os.path.exists()`, `len()`, a `check_` name and
  an extension check (`allowed_file`) check nothing of where a path or URL leads;
- every member of an uploaded archive resolved against the target folder, the archive refused
  when one lands outside (a loop over `namelist()`/`getmembers()` that raises or returns, or an
  `any()`/`all()` over it), then `extractall()`: the zip-slip guard; a loop that only
  `continue`s, a check of the wrong archive or one that accepts absolute names does not guard;
- `.save(path)` writes a file only when the object is an upload (`request.files`, a
  `FileStorage` parameter, a helper saving under the upload's own `.filename`), not when it
  is a settings store or a profile manager.
"""

import os
import tarfile
import tempfile
import zipfile

from flask import Flask, abort, jsonify, redirect, request, url_for
from werkzeug.datastructures import FileStorage

from .profiles import printer_profile_manager, settings_store
from .util import allowed_file, check_redirect, is_safe_path, validate_local_redirect

app = Flask(__name__)
TRANSLATIONS = "/srv/printer/translations"
UPLOADS = "/srv/printer/uploads"


@app.route("/login")
def login():
    redirect_url = request.args.get("redirect", "/")
    allowed_paths = [url_for("index"), url_for("recovery")]
    if not validate_local_redirect(redirect_url, allowed_paths):
        redirect_url = url_for("index")
    # ok: SC210
    return redirect(redirect_url)


@app.route("/login-checked")
def login_checked():
    redirect_url = request.args.get("redirect", "/")
    if not check_redirect(redirect_url):
        redirect_url = url_for("index")
    # expect: SC210
    return redirect(redirect_url)


@app.route("/login-length")
def login_length():
    redirect_url = request.args.get("redirect", "/")
    if len(redirect_url) > 200:
        abort(400)
    # expect: SC210
    return redirect(redirect_url)


@app.route("/logs/<path:name>")
def download_log(name):
    if not is_safe_path(TRANSLATIONS, name):
        abort(404)
    # ok: SC205
    with open(os.path.join(TRANSLATIONS, name)) as fh:
        return fh.read()


@app.route("/logs-existing/<path:name>")
def download_existing_log(name):
    path = os.path.join(TRANSLATIONS, name)
    if not os.path.exists(path):
        abort(404)
    # expect: SC205
    with open(path) as fh:
        return fh.read()


@app.route("/uploads", methods=["POST"])
def upload_checked_extension():
    upload = request.files["file"]
    if not allowed_file(upload.filename):
        abort(400)
    # expect: SC205
    upload.save(os.path.join(UPLOADS, upload.filename))
    return jsonify(ok=True)


def _install_language_pack(path, target):
    with tempfile.TemporaryDirectory() as temp_dir:
        with zipfile.ZipFile(path, mode="r") as archive:
            # protect against path traversal
            if any(
                map(
                    lambda x: not os.path.abspath(os.path.join(temp_dir, x)).startswith(
                        temp_dir + os.path.sep
                    ),
                    archive.namelist(),
                )
            ):
                return False
            # ok: SC205
            archive.extractall(temp_dir)
    return True


@app.route("/languages", methods=["POST"])
def upload_language_pack():
    upload_path = request.values["file.path"]
    if not _install_language_pack(upload_path, TRANSLATIONS):
        abort(400)
    return jsonify(ok=True)


@app.route("/plugins", methods=["POST"])
def upload_plugin():
    archive = zipfile.ZipFile(request.files["plugin"])
    for name in archive.namelist():
        destination = os.path.realpath(os.path.join(UPLOADS, name))
        if not destination.startswith(UPLOADS + os.sep):
            raise ValueError(f"refusing {name}")
    # ok: SC205
    archive.extractall(UPLOADS)
    return jsonify(ok=True)


@app.route("/plugins-skipping", methods=["POST"])
def upload_plugin_skipping():
    archive = tarfile.open(fileobj=request.files["plugin"].stream)
    for name in archive.getnames():
        destination = os.path.realpath(os.path.join(UPLOADS, name))
        if not destination.startswith(UPLOADS + os.sep):
            continue
    # expect: SC205
    archive.extractall(UPLOADS)
    return jsonify(ok=True)


@app.route("/themes", methods=["POST"])
def upload_theme():
    bundle = tarfile.open(fileobj=request.files["theme"].stream)
    if not all(
        os.path.realpath(os.path.join(UPLOADS, m.name)).startswith(UPLOADS + os.sep)
        for m in bundle.getmembers()
    ):
        abort(400)
    # ok: SC205
    bundle.extractall(UPLOADS)
    return jsonify(ok=True)


@app.route("/themes-absolute", methods=["POST"])
def upload_theme_absolute():
    bundle = tarfile.open(fileobj=request.files["theme"].stream)
    if any(m.name.startswith("/") for m in bundle.getmembers()):
        abort(400)
    # expect: SC205
    bundle.extractall(UPLOADS)
    return jsonify(ok=True)


@app.route("/themes-other", methods=["POST"])
def upload_theme_other_archive():
    bundle = tarfile.open(fileobj=request.files["theme"].stream)
    defaults = tarfile.open(os.path.join(UPLOADS, "defaults.tar"))
    for m in defaults.getmembers():
        if not os.path.realpath(os.path.join(UPLOADS, m.name)).startswith(UPLOADS + os.sep):
            abort(400)
    # expect: SC205
    bundle.extractall(UPLOADS)
    return jsonify(ok=True)


@app.route("/printerprofiles/<string:identifier>", methods=["PATCH"])
def update_printer_profile(identifier):
    profile = request.get_json()["profile"]
    profile["id"] = identifier
    # ok: SC205
    saved = printer_profile_manager.save(profile, allow_overwrite=True)
    return jsonify(profile=saved)


@app.route("/settings", methods=["POST"])
def save_settings():
    # ok: SC205
    settings_store.save(request.get_json()["settings"], force=True)
    return jsonify(ok=True)


def _store_upload(upload):
    # expect: SC205
    upload.save(os.path.join(UPLOADS, upload.filename))


def _store_upload_as(upload: FileStorage, name):
    # expect: SC205
    upload.save(os.path.join(UPLOADS, name))


@app.route("/files", methods=["POST"])
def upload_file():
    _store_upload(request.files["file"])
    return jsonify(ok=True)


@app.route("/files/<name>", methods=["POST"])
def upload_file_as(name):
    _store_upload_as(request.files["file"], name)
    return jsonify(ok=True)


@app.route("/files-each/<name>", methods=["POST"])
def upload_each(name):
    for upload in request.files.getlist("file"):
        # expect: SC205
        upload.save(os.path.join(UPLOADS, name, upload.filename))
    return jsonify(ok=True)
