from notes import create_app


def test_listing_requires_login(monkeypatch):
    monkeypatch.setenv("FLASK_SECRET_KEY", "test-only")
    app = create_app()
    assert app.test_client().get("/notes").status_code == 401
