import sqlite3

from notes import auth, db


def test_notes_are_per_user():
    conn = sqlite3.connect(":memory:")
    db.init(conn)
    db.add_note(conn, "alice", "hello")
    db.add_note(conn, "bob", "secret plans")
    assert db.notes_for(conn, "alice") == [(1, "hello")]


def test_injection_text_is_stored_as_data():
    conn = sqlite3.connect(":memory:")
    db.init(conn)
    db.add_note(conn, "alice'; DROP TABLE notes; --", "x")
    assert db.notes_for(conn, "alice'; DROP TABLE notes; --") == [(1, "x")]


def test_password_round_trip():
    stored = auth.hash_password("correct horse battery staple")
    assert auth.check_password(stored, "correct horse battery staple")
    assert not auth.check_password(stored, "wrong")
