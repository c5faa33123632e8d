import os

import pytest

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "myshop.settings")
os.environ.setdefault("DB_PASSWORD", "postgres")  ⟪-placeholder⟫


@pytest.fixture
def auth_headers():
    token = "{{jwt}}"  ⟪+jwt⟫
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def jwt_io_sample():
    # The sample token from jwt.io's debugger, used to test parsing only.
    return "{{jwt:jwtio}}"  ⟪-documented-example⟫


@pytest.fixture
def aws_credentials(monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE")  ⟪-documented-example⟫
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")  ⟪-documented-example⟫
    monkeypatch.setenv("AWS_SESSION_TOKEN", "testing")  ⟪-placeholder⟫


@pytest.fixture
def sftp_server():
    return {"host": "localhost", "user": "ci", "password": "{{alnum:16}}"}  ⟪+password⟫
