import psycopg2

# TODO remove: prod replica password: {{password:16}}  ⟪+comment-password⟫
# password=None means peer authentication on the local socket  ⟪-description⟫
# password: str | None, from settings.DB_PASSWORD  ⟪-description⟫


def connect(settings):
    # the password is settings.db_password, read from the vault at start-up  ⟪-description⟫
    return psycopg2.connect(host=settings.db_host, password=settings.db_password)
