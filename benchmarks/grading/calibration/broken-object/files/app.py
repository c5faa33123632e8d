import os
import sqlite3

from flask import Flask, abort, g, jsonify, request, session

app = Flask(__name__)
app.secret_key = os.environ["SECRET_KEY"]
app.config["SESSION_COOKIE_SECURE"] = True


def db():
    if "db" not in g:
        g.db = sqlite3.connect(os.environ.get("DB_PATH", "notes.db"))
        g.db.execute("CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, owner TEXT, body TEXT)")
    return g.db


@app.post("/notes")
def add_note():
    user = session.get("user") or abort(401)
    db().execute("INSERT INTO notes (owner, body) VALUES (?, ?)", (user, request.json["body"]))
    db().commit()
    return jsonify(ok=True), 201


@app.get("/notes")
def list_notes():
    user = session.get("user") or abort(401)
    rows = db().execute("SELECT id, body FROM notes WHERE owner = ?", (user,)).fetchall()
    return jsonify(rows)
