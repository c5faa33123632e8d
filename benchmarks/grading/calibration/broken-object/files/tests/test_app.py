import os

os.environ.setdefault("SECRET_KEY", "test-only")

from app import app  # noqa: E402


def test_notes_need_login():
    assert app.test_client().get("/notes").status_code == 401
