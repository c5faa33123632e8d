import sqlite3
from contextlib import contextmanager


@contextmanager
def connect(path: str):
    conn = sqlite3.connect(path)
    try:
        yield conn
        conn.commit()
    finally:
        conn.close()


def init(conn: sqlite3.Connection) -> None:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, owner TEXT NOT NULL, body TEXT NOT NULL)"
    )
    conn.execute(
        "CREATE TABLE IF NOT EXISTS users (name TEXT PRIMARY KEY, password_hash TEXT NOT NULL, token TEXT)"
    )


def add_note(conn: sqlite3.Connection, owner: str, body: str) -> int:
    cur = conn.execute("INSERT INTO notes (owner, body) VALUES (?, ?)", (owner, body))
    return int(cur.lastrowid)


def notes_for(conn: sqlite3.Connection, owner: str) -> list[tuple[int, str]]:
    rows = conn.execute("SELECT id, body FROM notes WHERE owner = ? ORDER BY id", (owner,))
    return list(rows)
