"""Django settings for production: everything sensitive comes from the environment."""

import os

from .base import *  # noqa: F403

# ok: SC223
DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"

# ok: SC224
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "blog.example.com").split(",")

CSRF_COOKIE_SECURE = True
SESSION_COOKIE_SECURE = True
