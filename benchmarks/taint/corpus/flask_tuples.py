"""What a Flask view returns: only the body of a `(body, status, headers)` tuple is the page
(holdout12's Alerta shape), and `jsonify(...)` is JSON wherever it is imported from.

The `expect` lines keep it honest: the body itself, and a plain string body beside headers.
"""

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/notes")
def add_note():
    note_id = request.args["id"]
    # ok: SC207
    return jsonify(status="ok"), 201, {"Location": f"/notes/{note_id}"}


@app.route("/echo")
def echo():
    # expect: SC207
    return "<p>" + request.args["q"] + "</p>", 200, {"X-Seen": "1"}


@app.route("/plain")
def plain():
    name = request.args["name"]
    # ok: SC207
    return "<p>hello</p>", 200, {"X-Name": name}
