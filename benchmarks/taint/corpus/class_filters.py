r"""Pieces a character class leaves: `re.findall()` of a class, `re.sub()` of a blocklist class.

stalker_pyramid searches with `re.findall(r"[\w\d]+", text)` pieces formatted between quotes:
word characters alone quote nothing. It names uploads with
`re.sub(r"[\s\.\\/:\*\?\"<>|=,+]+", "_", name)`: every separator and dot replaced, the name stays
in its folder. The `expect` lines keep it honest: a class that lets the quote through, a
blocklist that keeps the dot, and a blocklist that says nothing about the sink at hand.
"""

import os
import re
import sqlite3

from flask import Flask, jsonify, request, send_file

app = Flask(__name__)
UPLOADS = "/srv/uploads"


@app.route("/search")
def search():
    words = re.findall(r"[\w\d]+", request.args.get("q", ""))
    clauses = [f"name LIKE '%{word}%'" for word in words]
    # ok: SC201
    rows = sqlite3.connect("app.db").execute("SELECT * FROM t WHERE " + " OR ".join(clauses))
    return jsonify(rows.fetchall())


@app.route("/search-quoted")
def search_quoted():
    words = re.findall(r"[\w']+", request.args.get("q", ""))
    # expect: SC201
    rows = sqlite3.connect("app.db").execute(f"SELECT * FROM t WHERE name = '{words[0]}'")
    return jsonify(rows.fetchall())


@app.route("/file")
def file():
    name = re.sub(r"[\s\.\\/:\*\?\"<>|=,+]+", "_", request.args["name"])
    # ok: SC205
    return send_file(os.path.join(UPLOADS, name))


@app.route("/file-dotted")
def file_dotted():
    name = re.sub(r"[\s\\/:]+", "_", request.args["name"])
    # expect: SC205
    return send_file(os.path.join(UPLOADS, name))


@app.route("/lookup")
def lookup():
    name = re.sub(r"[\\/]+", "_", request.args["name"])
    # expect: SC201
    rows = sqlite3.connect("app.db").execute(f"SELECT * FROM t WHERE name = '{name}'")
    return jsonify(rows.fetchall())
