"""Creates the database roles the app needs (run once per environment)."""

import os

import psycopg2


def create_roles(conn, password):
    with conn.cursor() as cur:
        cur.execute("CREATE ROLE app LOGIN PASSWORD %s", (password,))  ⟪-bound-parameter⟫
        cur.execute(f"ALTER ROLE app PASSWORD '{password}'")  ⟪-interpolation⟫
        cur.execute("CREATE USER 'app'@'%' IDENTIFIED BY ?", (password,))  ⟪-bound-parameter⟫
        cur.execute("CREATE ROLE audit LOGIN PASSWORD '{{password:16}}'")  ⟪+sql-password⟫


def settings():
    admin_token = os.getenv("ADMIN_TOKEN") or "{{alnum:32}}"  ⟪+env-fallback⟫
    db_password = os.environ.get("DB_PASSWORD") or "{{password:16}}"  ⟪+env-fallback⟫
    jwt_secret = os.environ["JWT_SECRET"] if "JWT_SECRET" in os.environ else "{{alnum:40}}"  ⟪+env-fallback⟫
    smtp_password = os.getenv("SMTP_PASSWORD") if os.getenv("SMTP_PASSWORD") else "{{password:14}}"  ⟪+env-fallback⟫
    redis_password = os.getenv("REDIS_PASSWORD") or None  ⟪-env-lookup⟫
    api_key = os.getenv("API_KEY") or ""  ⟪-env-lookup⟫
    region = os.getenv("AWS_REGION") or "eu-west-1"  ⟪-env-lookup⟫
    sentry_dsn = os.environ["SENTRY_DSN"] if "SENTRY_DSN" in os.environ else None  ⟪-env-lookup⟫
    webhook_secret = os.getenv("WEBHOOK_SECRET") or os.getenv("LEGACY_WEBHOOK_SECRET")  ⟪-env-lookup⟫
    signing_key = os.environ.get("SIGNING_KEY") or "changeme"  ⟪-placeholder⟫
    return locals()
