"""Django settings for myshop (production values are overridden in settings_prod)."""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = "django-insecure-{{lower_alnum:50}}"  ⟪+generic-secret⟫

DEBUG = True
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "shop.example.com"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "storages",
    "myshop.orders",
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "myshop",
        "USER": "myshop_app",
        "PASSWORD": "{{password:18}}",  ⟪+password⟫
        "HOST": "db.internal",
        "PORT": "5432",
    },
    "analytics": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "analytics",
        "USER": "readonly",
        "PASSWORD": os.environ.get("ANALYTICS_DB_PASSWORD"),  ⟪-env-reference⟫
        "HOST": "analytics.internal",
    },
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},  ⟪-identifier⟫
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},  ⟪-identifier⟫
]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]  ⟪-identifier⟫
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  ⟪-name-only⟫

SESSION_COOKIE_NAME = "myshop_session"
CSRF_COOKIE_NAME = "csrftoken"  ⟪-name-only⟫
CSRF_HEADER_NAME = "HTTP_X_CSRFTOKEN"  ⟪-name-only⟫
LOGIN_URL = "/accounts/login/"

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "smtp.mailgun.org"
EMAIL_HOST_USER = "postmaster@mg.example.com"
EMAIL_HOST_PASSWORD = "{{hex:32}}-{{hex:8}}-{{hex:8}}"  ⟪+password⟫
EMAIL_USE_TLS = True

AWS_ACCESS_KEY_ID = "AKIA{{upper:16}}"  ⟪+provider-token⟫
AWS_SECRET_ACCESS_KEY = "{{base64:40}}"  ⟪+provider-token⟫
AWS_STORAGE_BUCKET_NAME = "myshop-media"
AWS_S3_REGION_NAME = "eu-west-1"
AWS_QUERYSTRING_AUTH = False  ⟪-name-only⟫

STRIPE_PUBLISHABLE_KEY = "pk_live_{{alnum:24}}"  ⟪-public-key⟫
STRIPE_SECRET_KEY = "sk_live_{{alnum:24}}"  ⟪+provider-token⟫
STRIPE_WEBHOOK_SECRET = "whsec_{{alnum:32}}"  ⟪+provider-token⟫

SENTRY_DSN = os.environ.get("SENTRY_DSN", "")  ⟪-env-reference⟫
CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                      "LOCATION": "redis://:{{alnum:20}}@cache.internal:6379/1"}}  ⟪+url-credential⟫

STATIC_URL = "/static/"
MEDIA_URL = "/media/"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
