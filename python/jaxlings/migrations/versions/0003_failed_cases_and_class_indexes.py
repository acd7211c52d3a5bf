"""Attempts keep the names of the cases and structural checks that failed; indexes for the
instructors' class endpoints (per problem, and over time).

Revision ID: 0003
Revises: 0002
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def failed_names(result_json: str) -> list[str] | None:
    """The failing case and check names of a stored CheckResult, or None if it is unreadable."""
    try:
        cases = json.loads(result_json)["cases"]
        return [str(c["name"]) for c in cases if not c["passed"]]
    except (ValueError, KeyError, TypeError):
        return None


def upgrade() -> None:
    with op.batch_alter_table("attempts") as batch:
        batch.add_column(sa.Column("failed", sa.Text, nullable=True))
    op.create_index("attempts_problem_user", "attempts", ["problem", "user"])
    op.create_index("attempts_at", "attempts", ["at"])
    # backfill from the CheckResults kept for retries (attempts sent with an idempotency key)
    conn = op.get_bind()
    attempts = sa.table(
        "attempts", sa.column("id", sa.Integer), sa.column("result"), sa.column("failed")
    )
    rows = conn.execute(
        sa.select(attempts.c.id, attempts.c.result).where(attempts.c.result.is_not(None))
    ).all()
    for row_id, result in rows:
        names = failed_names(result)
        if names is not None:
            conn.execute(
                attempts.update().where(attempts.c.id == row_id).values(failed=json.dumps(names))
            )


def downgrade() -> None:
    op.drop_index("attempts_at", table_name="attempts")
    op.drop_index("attempts_problem_user", table_name="attempts")
    with op.batch_alter_table("attempts") as batch:
        batch.drop_column("failed")
