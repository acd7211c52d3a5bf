"""Attempts keep the client's idempotency key and the CheckResult; an index for rate limits.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("attempts") as batch:
        batch.add_column(sa.Column("idempotency_key", sa.String(128), nullable=True))
        batch.add_column(sa.Column("result", sa.Text, nullable=True))
    # NULL keys (clients that send none) never collide
    op.create_index(
        "attempts_user_idempotency_key", "attempts", ["user", "idempotency_key"], unique=True
    )
    op.create_index("attempts_user_at", "attempts", ["user", "at"])


def downgrade() -> None:
    op.drop_index("attempts_user_at", table_name="attempts")
    op.drop_index("attempts_user_idempotency_key", table_name="attempts")
    with op.batch_alter_table("attempts") as batch:
        batch.drop_column("result")
        batch.drop_column("idempotency_key")
