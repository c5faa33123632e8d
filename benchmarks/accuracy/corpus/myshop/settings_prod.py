"""Production overrides. Everything secret must come from the environment."""

import os

from myshop.settings import *  # noqa: F401,F403

DEBUG = False
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]  ⟪-env-reference⟫
DATABASES["default"]["PASSWORD"] = os.environ["DB_PASSWORD"]  ⟪-env-reference⟫
EMAIL_HOST_PASSWORD = os.getenv("EMAIL_HOST_PASSWORD", "")  ⟪-env-reference⟫
STRIPE_SECRET_KEY = os.getenv("STRIPE_SECRET_KEY", "sk_test_{{alnum:24}}")  ⟪+provider-token⟫
SENDGRID_API_KEY = os.environ.get("SENDGRID_API_KEY", "SG.{{base64url:22}}.{{base64url:43}}")  ⟪+provider-token⟫
REDIS_PASSWORD = os.environ.get("REDIS_PASSWORD", "{{alnum:24}}")  ⟪+env-fallback⟫
CELERY_BROKER_URL = os.getenv("CELERY_BROKER_URL", "redis://localhost:6379/0")  ⟪-url-no-creds⟫
JWT_SIGNING_KEY = os.getenv("JWT_SIGNING_KEY", "changeme")  ⟪-placeholder⟫
API_TOKEN = os.getenv("API_TOKEN", default=None)  ⟪-env-reference⟫
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "myshop.settings_prod")
os.environ.setdefault("INTERNAL_API_SECRET", "{{alnum:32}}")  ⟪+env-fallback⟫
ADMIN_PASSWORD = os.environ.get("ADMIN_PASSWORD", "{{human}}")  ⟪+env-fallback⟫
SESSION_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31536000
