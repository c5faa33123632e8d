import pytest

from app import create_app

TEST_PASSWORD = "{{password:14}}"
TEST_API_KEY = "{{alnum:32}}"


@pytest.fixture
def client(monkeypatch, tmp_path):
    monkeypatch.setenv("FLASK_SECRET_KEY", "{{alnum:24}}")
    monkeypatch.setenv("TRANSLATE_API_KEY", TEST_API_KEY)
    monkeypatch.setenv("NOTES_DB", str(tmp_path / "t.sqlite3"))
    app = create_app()
    with app.app_context():
        from app.views import store

        store().add_user("alice", TEST_PASSWORD)
        store().add_user("bob", password="{{password:12}}")
    return app.test_client()
