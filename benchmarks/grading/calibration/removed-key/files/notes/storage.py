import sqlite3

conn = sqlite3.connect("notes.db", check_same_thread=False)
conn.execute("CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, user TEXT, text TEXT)")


def add(user, text):
    cur = conn.execute("INSERT INTO notes (user, text) VALUES (?, ?)", (user, text))
    conn.commit()
    return cur.lastrowid


def all_for(user):
    return [
        {"id": i, "text": t}
        for i, t in conn.execute("SELECT id, text FROM notes WHERE user = ?", (user,))
    ]


def get(user, note_id):
    row = conn.execute(
        "SELECT text FROM notes WHERE user = ? AND id = ?", (user, note_id)
    ).fetchone()
    return row[0] if row else None
