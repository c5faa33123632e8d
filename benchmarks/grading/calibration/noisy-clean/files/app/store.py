import sqlite3

from werkzeug.security import check_password_hash, generate_password_hash

SCHEMA = """
CREATE TABLE IF NOT EXISTS users (name TEXT PRIMARY KEY, pw_hash TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, owner TEXT, body TEXT);
"""


class Store:
    def __init__(self, path: str) -> None:
        self.conn = sqlite3.connect(path)
        self.conn.executescript(SCHEMA)

    def add_user(self, name: str, password: str) -> None:
        self.conn.execute(
            "INSERT INTO users (name, pw_hash) VALUES (?, ?)", (name, generate_password_hash(password))
        )

    def check_user(self, name: str, password: str) -> bool:
        row = self.conn.execute("SELECT pw_hash FROM users WHERE name = ?", (name,)).fetchone()
        return bool(row) and check_password_hash(row[0], password)

    def add_note(self, owner: str, body: str) -> int:
        cur = self.conn.execute("INSERT INTO notes (owner, body) VALUES (?, ?)", (owner, body))
        return int(cur.lastrowid)

    def notes(self, owner: str) -> list[tuple[int, str]]:
        return self.conn.execute(
            "SELECT id, body FROM notes WHERE owner = ? ORDER BY id", (owner,)
        ).fetchall()
