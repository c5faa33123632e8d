import os
import sqlite3

from flask import Flask, g, jsonify, request, session

app = Flask(__name__)
app.secret_key = os.getenv("SECRET_KEY", "dev-not-secret")
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


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000, debug=os.environ.get("FLASK_DEBUG") == "1")
