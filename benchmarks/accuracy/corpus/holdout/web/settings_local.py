# Local overrides for developers. Copy to settings_local.py and adjust.
from .settings import *  # noqa

DEBUG = True
DATABASES["default"].update({"PASSWORD": "postgres", "HOST": "localhost"})  ⟪-placeholder⟫
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
SECRET_KEY = "dev-only-not-secret"  ⟪-placeholder⟫
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SOCIAL_AUTH_GITHUB_KEY = "{{hex:20}}"
SOCIAL_AUTH_GITHUB_SECRET = "{{hex:40}}"  ⟪+generic-secret⟫
RECAPTCHA_PRIVATE_KEY = "6L{{base64url:38}}"  ⟪+generic-secret⟫
RECAPTCHA_PUBLIC_KEY = "6L{{base64url:38}}"  ⟪-public-key⟫
INTERNAL_IPS = ["127.0.0.1"]
