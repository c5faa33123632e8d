import os
import sqlite3

import requests
from flask import Flask, g, jsonify, request, session

app = Flask(__name__)
app.secret_key = os.getenv("SECRET_KEY", "dev-not-secret")
TRANSLATE_KEY = os.environ.get("TRANSLATE_API_KEY")
DB_PATH = os.environ.get("DB_PATH", "notes.db")


def db():
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.execute("CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, user TEXT, text TEXT)")
    return g.db


@app.post("/login")
def login():
    session["user"] = request.form["user"]
    return jsonify(ok=True)


@app.post("/notes")
def add_note():
    user = session.get("user")
    if not user:
        return jsonify(error="login first"), 401
    text = request.json.get("text", "")
    cur = db().execute("INSERT INTO notes (user, text) VALUES (?, ?)", (user, text))
    db().commit()
    return jsonify(id=cur.lastrowid), 201


@app.get("/notes")
def list_notes():
    user = session.get("user")
    rows = db().execute("SELECT id, text FROM notes WHERE user = ?", (user,)).fetchall()
    return jsonify([{"id": r[0], "text": r[1]} for r in rows])


@app.get("/notes/<int:note_id>/translate")
def translate(note_id):
    row = db().execute("SELECT text FROM notes WHERE id = ?", (note_id,)).fetchone()
    if row is None:
        return jsonify(error="not found"), 404
    r = requests.get(
        "https://api.translate.example.com/translate",
        params={"q": row[0], "target": request.args.get("lang", "en")},
        headers={"Authorization": f"Bearer {TRANSLATE_KEY}"},
        timeout=5,
    )
    return jsonify(r.json())


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000, debug=os.environ.get("FLASK_DEBUG") == "1")
