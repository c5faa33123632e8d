"""Django settings for the blog project (development defaults checked in)."""

from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

# expect: SC223
DEBUG = True

# expect: SC224
ALLOWED_HOSTS = ["*"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "blog",
]

ROOT_URLCONF = "blog.urls"
