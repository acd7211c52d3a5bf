"""The schema of the releases before Alembic: attempts, hint reveals, solution views.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attempts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("user", sa.Text, nullable=False),
        sa.Column("problem", sa.Text, nullable=False),
        sa.Column("at", sa.Float, nullable=False),
        sa.Column("code", sa.Text, nullable=False),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("passed", sa.Integer, nullable=False),
        sa.Column("duration_ms", sa.Float, nullable=False),
    )
    op.create_index("attempts_user_problem", "attempts", ["user", "problem"])
    op.create_table(
        "hint_reveals",
        sa.Column("user", sa.Text, primary_key=True),
        sa.Column("problem", sa.Text, primary_key=True),
        sa.Column("idx", sa.Integer, primary_key=True),
        sa.Column("at", sa.Float, nullable=False),
    )
    op.create_table(
        "solution_views",
        sa.Column("user", sa.Text, nullable=False),
        sa.Column("problem", sa.Text, nullable=False),
        sa.Column("at", sa.Float, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("solution_views")
    op.drop_table("hint_reveals")
    op.drop_index("attempts_user_problem", table_name="attempts")
    op.drop_table("attempts")
