"""Django settings for the back office (local development)."""

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "backoffice",
        "USER": "postgres",
        "PASSWORD": "postgres",  ⟪+weak-credential⟫
        "HOST": "localhost",
    },
    "legacy": {
        "ENGINE": "django.db.backends.mysql",
        "USER": "legacy",
        "PASSWORD": "",  ⟪-description⟫
    },
}
EMAIL_HOST_PASSWORD = "changeit"  ⟪+weak-credential⟫
PASSWORD_RESET_TIMEOUT = 259200  ⟪-description⟫
AUTH_PASSWORD_VALIDATORS = []  ⟪-description⟫
