import sqlite3

from flask import Flask, g, jsonify, request, session

app = Flask(__name__)


def db():
    if "db" not in g:
        g.db = sqlite3.connect("notes.db")
    return g.db


@app.post("/notes")
def add_note():
    db().execute("INSERT INTO notes (owner, body) VALUES (?, ?)", (session["user"], request.json["body"]))
    return jsonify(ok=True)
