"""A Flask e-book library in the shapes of the judged real applications (calibre-web's views):
request data goes into calls this file does not define, whose results reach a sink.

Such a result was computed from the request (a record looked up by an id, a rendered page, a
response object, a stored value's commit message), it is not the request's text: the engine
marks it opaque, reports it only under `--audit`, and never by default. Beside each one, the
same data through steps the engine does model (str methods, `.get()`, `os.path`, `unquote`,
`json.loads`, a compiled pattern's `sub`, `%` and `+`) still reaches the sink, and is reported.
`Markup(text).unescape()`, markupsafe's way to unescape HTML, marks nothing safe (calibre-web's
editbooks.py), unlike `Markup(text)` kept as markup.
"""

import json
import os
import re
import sqlite3
from urllib.parse import unquote

from flask import Flask, Markup, make_response, redirect, request, send_file

from .db import calibre_db, session_commit
from .helpers import get_download_link, get_redirect_target, render_books_list
from .querying import build_order_clause

app = Flask(__name__)
LIBRARY = "/srv/library"
UNSAFE = re.compile(r"[^\w.]")


@app.route("/search")
def search():
    term = request.args.get("q", "").strip()
    # audit: SC207
    return render_books_list("search", term=term)


@app.route("/echo")
def echo():
    term = request.args.get("q", "").strip().lower()
    # expect: SC207
    return "<p>Results for " + term + "</p>"


@app.route("/ajax/listusers")
def list_users():
    users = calibre_db.get_checkbox_sorted(request.args.get("state"), request.args.get("sort"))
    body = json.dumps({"rows": users})
    # audit: SC207
    response = make_response(body)
    response.headers["Content-Type"] = "application/json"
    return response


@app.route("/ajax/echo-json")
def echo_json():
    body = json.dumps({"query": request.args.get("q")})
    # expect: SC207
    return make_response(body)


@app.route("/admin/domain", methods=["POST"])
def edit_domain():
    form = request.form.to_dict()
    domain = form["value"].replace("*", "%").lower()
    # audit: SC207
    return session_commit("Registering domains edited {}".format(domain))


@app.route("/admin/domain-preview", methods=["POST"])
def preview_domain():
    form = request.form.to_dict()
    # expect: SC207
    return Markup("<b>{}</b>".format(form["value"]))


@app.route("/download/<int:book_id>/<book_format>")
def download_link(book_id, book_format):
    # audit: SC207
    return get_download_link(book_id, book_format)


@app.route("/show/<book_id>/<book_format>")
def serve_book(book_id, book_format):
    book = calibre_db.get_book(book_id)
    data = calibre_db.get_book_format(book_id, book_format.upper())
    path = os.path.join(LIBRARY, book.path, data.name + "." + data.format.lower())
    # audit: SC205
    return send_file(path)


@app.route("/raw/<name>")
def serve_raw(name):
    path = os.path.normpath(os.path.join(LIBRARY, unquote(name)))
    # expect: SC205
    return send_file(path)


@app.route("/cover", methods=["POST"])
def upload_cover():
    meta = json.loads(request.data)
    cleaned = UNSAFE.sub("_", meta["title"])
    # expect: SC205
    with open(os.path.join(LIBRARY, cleaned, "cover.jpg"), "wb") as handle:
        handle.write(b"")
    return "", 204


@app.route("/ajax/listbooks")
def list_books():
    order = request.args.get("order", "").lower()
    db = sqlite3.connect("app.db")
    # expect: SC201
    db.execute("SELECT * FROM books ORDER BY title " + order)
    clause = build_order_clause(request.args.get("sort"))
    # audit: SC201
    db.execute("SELECT * FROM books ORDER BY %s" % clause)
    return {"ok": True}


@app.route("/login-next")
def after_login():
    # audit: SC210
    return redirect(get_redirect_target(request.args.get("next")))


@app.route("/login-next-raw")
def after_login_raw():
    # expect: SC210
    return redirect(request.args.get("next", "").strip())


@app.route("/book/<int:book_id>/comments", methods=["POST"])
def edit_comments(book_id):
    form = request.form.to_dict()
    # markupsafe's unescaping idiom: the markup is turned back into plain text, then stored.
    # ok: SC207
    text = Markup(form["description"]).unescape()
    calibre_db.set_comments(book_id, text)
    # expect: SC207
    preview = Markup(form["description"])
    return {"preview": str(preview)}
