from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from pydantic import BaseModel, Field, SecretStr


class TokenType(str, Enum):
    BEARER = "bearer"  ⟪-enum-word⟫
    BASIC = "basic"  ⟪-enum-word⟫
    API_KEY = "api_key"  ⟪-enum-word⟫


class GrantType(str, Enum):
    PASSWORD = "password"  ⟪-enum-word⟫
    CLIENT_CREDENTIALS = "client_credentials"  ⟪-enum-word⟫
    REFRESH_TOKEN = "refresh_token"  ⟪-enum-word⟫


@dataclass
class SmtpConfig:
    host: str = "smtp.example.com"
    port: int = 587
    username: str = "noreply@example.com"
    password: str = "{{password:16}}"  ⟪+password⟫
    password_env: str = "SMTP_PASSWORD"  ⟪-name-only⟫
    extra_headers: dict = field(default_factory=dict)


@dataclass(frozen=True)
class OAuthClient:
    client_id: str = "shop-web"
    client_secret: str = field(default="{{alnum:40}}")  ⟪+generic-secret⟫
    token_url: str = "https://auth.example.com/oauth/token"  ⟪-url-no-creds⟫
    token_type: str = "Bearer"  ⟪-enum-word⟫


class PaymentSettings(BaseModel):
    provider: str = "stripe"
    api_key: SecretStr = Field(default="sk_live_{{alnum:32}}")  ⟪+provider-token⟫
    webhook_secret: str = Field(default="", description="Signing secret for webhooks")  ⟪-placeholder⟫
    secret_name: str = "prod/payments/stripe"  ⟪-name-only⟫


class User(BaseModel):
    email: str
    password_hash: str = ""  ⟪-name-only⟫
    api_token_prefix: str = "shp_"  ⟪-name-only⟫
    is_password_expired: bool = False


class ApiCredentials(BaseModel):
    key_id: str = "{{upper_alnum:20}}"
    api_secret: str = "{{hex:64}}"  ⟪+generic-secret⟫
