"""seed admin user

Revision ID: {{hex:12}}  ⟪-alembic-revision⟫
Revises: {{hex:12}}  ⟪-alembic-revision⟫
"""

from alembic import op

revision: str = "{{hex:12}}"  ⟪-alembic-revision⟫
down_revision: str | None = "{{hex:12}}"  ⟪-alembic-revision⟫

ADMIN_PASSWORD_HASH = "pbkdf2_sha256$600000${{alnum:22}}${{base64:43}}="  ⟪-hex-digest⟫


def upgrade() -> None:
    op.execute(
        "INSERT INTO users (email, password_hash) VALUES ('admin@example.com', '%s')"  ⟪-name-only⟫
        % ADMIN_PASSWORD_HASH
    )


def downgrade() -> None:
    op.execute("DELETE FROM users WHERE email = 'admin@example.com'")
