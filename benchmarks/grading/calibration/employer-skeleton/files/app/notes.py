import sqlite3

from flask import current_app


def connect():
    conn = sqlite3.connect(current_app.config["DATABASE"])
    conn.execute("CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, owner TEXT, body TEXT)")
    return conn


def add_note(conn, owner, body):
    conn.execute("INSERT INTO notes (owner, body) VALUES (?, ?)", (owner, body))
    conn.commit()


def notes_for(conn, owner):
    return conn.execute("SELECT id, body FROM notes WHERE owner = ?", (owner,)).fetchall()
