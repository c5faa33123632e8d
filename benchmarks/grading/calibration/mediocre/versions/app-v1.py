import os
import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)
API_KEY = os.getenv("TRANSLATE_API_KEY")
conn = sqlite3.connect("notes.db", check_same_thread=False)
conn.execute("CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, user TEXT, text TEXT)")


@app.route("/notes", methods=["POST"])
def add_note():
    user = request.args.get("user")
    text = request.json["text"]
    conn.execute(f"INSERT INTO notes (user, text) VALUES ('{user}', '{text}')")
    conn.commit()
    return "ok"


@app.route("/notes")
def get_notes():
    user = request.args.get("user")
    rows = conn.execute("SELECT id, text FROM notes WHERE user = '%s'" % user).fetchall()
    return jsonify(rows)


if __name__ == "__main__":
    app.run(host="0.0.0.0", debug=True)
