import os

os.environ["DB_PATH"] = ":memory:"

from app import app  # noqa: E402


def test_add_requires_login():
    client = app.test_client()
    assert client.post("/notes", json={"text": "x"}).status_code == 401


def test_add_and_list():
    client = app.test_client()
    client.post("/login", data={"user": "ann"})
    assert client.post("/notes", json={"text": "hello"}).status_code == 201
