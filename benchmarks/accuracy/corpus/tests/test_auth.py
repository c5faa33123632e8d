from __future__ import annotations

import pytest

from app.flask_app import app
from myshop.accounts import create_user

TEST_PASSWORD = "password"  ⟪-placeholder⟫
OTHER_PASSWORD = "not-the-password"  ⟪-placeholder⟫


@pytest.fixture
def client():
    app.config["TESTING"] = True
    app.config["SECRET_KEY"] = "test-secret-key"  ⟪-placeholder⟫
    with app.test_client() as c:
        yield c


@pytest.fixture
def user(db):
    return create_user(email="alice@example.com", password="{{password:14}}")  ⟪+password⟫


def test_login_rejects_wrong_password(client, user):
    resp = client.post("/login", data={"username": "alice", "password": OTHER_PASSWORD})
    assert resp.status_code == 401


def test_login_accepts_right_password(client, user):
    resp = client.post("/login", data={"username": "alice", "password": "{{password:14}}"})  ⟪+password⟫
    assert resp.status_code == 302


def test_token_endpoint(client, monkeypatch):
    monkeypatch.setenv("API_KEY", "dummy-api-key")  ⟪-placeholder⟫
    resp = client.post("/api/token", headers={"X-Api-Key": "fake-key"})  ⟪-placeholder⟫
    assert resp.json["token_type"] == "bearer"  ⟪-enum-word⟫


def test_password_validation():
    with pytest.raises(ValueError, match="password too short"):  ⟪-name-only⟫
        create_user(email="bob@example.com", password="abc")  ⟪-placeholder⟫


@pytest.mark.parametrize("token", ["", "x" * 10, "Bearer", "Bearer "])  ⟪-placeholder⟫
def test_rejects_malformed_tokens(client, token):
    resp = client.get("/api/orders", headers={"Authorization": token})
    assert resp.status_code == 401


def test_stripe_webhook(client):
    secret = "whsec_{{alnum:32}}"  ⟪+provider-token⟫
    resp = client.post("/webhook", headers={"Stripe-Signature": f"t=1,v1={secret}"})
    assert resp.status_code in (200, 403)
