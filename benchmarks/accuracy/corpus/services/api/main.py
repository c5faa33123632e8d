"""FastAPI service for partner integrations."""

from __future__ import annotations

import os
import secrets
from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException
from fastapi.security import HTTPBasic, HTTPBasicCredentials
from pydantic_settings import BaseSettings

app = FastAPI(title="partner-api")
security = HTTPBasic()

PARTNER_KEYS = {
    "acme": "{{alnum:32}}",  ⟪+generic-secret⟫
    "globex": "{{alnum:32}}",  ⟪+generic-secret⟫
}
INTERNAL_SERVICE_TOKEN: str = "{{base64url:43}}"  ⟪+generic-secret⟫


class Settings(BaseSettings):
    database_url: str = "postgresql+asyncpg://partner:{{alnum:20}}@pg:5432/partner"  ⟪+url-credential⟫
    redis_url: str = "redis://redis:6379/2"  ⟪-url-no-creds⟫
    jwt_algorithm: str = "HS256"  ⟪-enum-word⟫
    jwt_secret: str = "{{alnum:48}}"  ⟪+generic-secret⟫
    access_token_expire_minutes: int = 30
    openai_api_key: str | None = None  ⟪-placeholder⟫
    admin_password: str = os.getenv("ADMIN_PASSWORD", "")  ⟪-env-reference⟫

    class Config:
        env_file = ".env"


settings = Settings()


def check_basic(credentials: Annotated[HTTPBasicCredentials, Depends(security)]) -> str:
    good_user = secrets.compare_digest(credentials.username.encode(), b"ops")
    good_pass = secrets.compare_digest(credentials.password.encode(), b"{{password:16}}")  ⟪+comparison⟫
    if not (good_user and good_pass):
        raise HTTPException(status_code=401, headers={"WWW-Authenticate": "Basic"})
    return credentials.username


@app.get("/partners/{name}/orders")
def partner_orders(name: str, x_api_key: Annotated[str, Header()] = ""):  ⟪-placeholder⟫
    if PARTNER_KEYS.get(name) != x_api_key:
        raise HTTPException(status_code=403)
    return {"orders": []}


@app.get("/admin/stats")
def stats(user: Annotated[str, Depends(check_basic)]):
    return {"user": user, "token_type": "bearer"}  ⟪-enum-word⟫
