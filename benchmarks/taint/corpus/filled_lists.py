"""A local list or set holds what is put in it.

holdout44's r2r built its search filters as `parts.append(f"metadata->>'{key}' = ...")` and
ran `" AND ".join(parts)`: the request's keys were in the SQL, and the tool lost them at the
`append()`. The `ok` lines keep it honest: bound values appended to a parameter list, an argv
list run without a shell, and a list answered as JSON.
"""

import sqlite3
import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/search")
def search():
    parts = []
    for key in request.args:
        parts.append(f"{key} = 1")
    where = " AND ".join(parts)
    # expect: SC201
    return jsonify(sqlite3.connect("app.db").execute("SELECT * FROM t WHERE " + where).fetchall())


@app.route("/tags")
def tags():
    clauses = {"deleted = 0"}
    clauses.add("tag = '%s'" % request.args["tag"])
    # expect: SC201
    rows = sqlite3.connect("app.db").execute("SELECT * FROM t WHERE " + " AND ".join(clauses))
    return jsonify(rows.fetchall())


@app.route("/bound")
def bound():
    parts, params = [], []
    for key in ("a", "b"):
        parts.append(f"{key} = ?")
        params.append(request.args.get(key, ""))
    # ok: SC201
    rows = sqlite3.connect("app.db").execute("SELECT * FROM t WHERE " + " AND ".join(parts), params)
    return jsonify(rows.fetchall())


@app.route("/log")
def log():
    command = ["git", "log", "--oneline"]
    command.extend(["--author", request.args["author"]])
    # ok: SC202
    return subprocess.run(command, capture_output=True, text=True, check=False).stdout


@app.route("/shell-log")
def shell_log():
    words = ["git log --oneline"]
    words.append(request.args["author"])
    # expect: SC202
    return subprocess.run(" ".join(words), shell=True, capture_output=True, text=True).stdout


@app.route("/names")
def names():
    found = []
    found.append(request.args["name"])
    # ok: SC207
    return jsonify(found)
