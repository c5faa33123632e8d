"""add api tokens table

Revision ID: {{hex:12}}  ⟪-alembic-revision⟫
Revises: {{hex:12}}  ⟪-alembic-revision⟫
Create Date: 2024-03-11 09:14:02.118232

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "{{hex:12}}"  ⟪-alembic-revision⟫
down_revision = "{{hex:12}}"  ⟪-alembic-revision⟫
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("token_hash", sa.String(length=64), nullable=False),  ⟪-name-only⟫
        sa.Column("token_prefix", sa.String(length=8), nullable=False),  ⟪-name-only⟫
    )
    op.create_index("ix_api_tokens_token_hash", "api_tokens", ["token_hash"], unique=True)  ⟪-name-only⟫


def downgrade() -> None:
    op.drop_table("api_tokens")
