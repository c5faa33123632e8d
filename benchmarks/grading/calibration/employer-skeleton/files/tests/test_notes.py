import sqlite3

from app import notes


def test_notes_are_per_user():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, owner TEXT, body TEXT)")
    notes.add_note(conn, "alice", "hello")
    notes.add_note(conn, "bob", "other")
    assert notes.notes_for(conn, "alice") == [(1, "hello")]
