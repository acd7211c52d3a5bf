"""Attempts keep the names of the cases and structural checks that failed; a per learner and
problem summary (learner_problems) and indexes for the instructors' class endpoints.

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


# the summary's rows from the attempts (kept here as written, like the rest of a revision)
SUMMARY_SQL = """
INSERT INTO learner_problems ("user", problem, attempts, first_at, last_at, solved_at,
                              attempts_to_solve)
SELECT a."user", a.problem, COUNT(*), MIN(a.at), MAX(a.at),
       MAX(CASE WHEN a.id = f.first_pass THEN a.at END),
       CASE WHEN f.first_pass IS NULL THEN NULL
            ELSE SUM(CASE WHEN a.id <= f.first_pass THEN 1 ELSE 0 END) END
FROM attempts a
LEFT JOIN (SELECT "user", problem, MIN(id) AS first_pass FROM attempts WHERE passed = 1
           GROUP BY "user", problem) f
       ON f."user" = a."user" AND f.problem = a.problem
GROUP BY a."user", a.problem, f.first_pass
"""


def upgrade() -> None:
    with op.batch_alter_table("attempts") as batch:
        batch.add_column(sa.Column("failed", sa.Text, nullable=True))
    op.create_index("attempts_problem_user", "attempts", ["problem", "user"])
    op.create_index("attempts_at", "attempts", ["at"])
    op.create_table(
        "learner_problems",
        sa.Column("user", sa.Text, primary_key=True),
        sa.Column("problem", sa.Text, primary_key=True),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("first_at", sa.Float, nullable=False),
        sa.Column("last_at", sa.Float, nullable=False),
        sa.Column("solved_at", sa.Float, nullable=True),
        sa.Column("attempts_to_solve", sa.Integer, nullable=True),
    )
    op.execute(SUMMARY_SQL)
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
    op.drop_table("learner_problems")
    op.drop_index("attempts_at", table_name="attempts")
    op.drop_index("attempts_problem_user", table_name="attempts")
    with op.batch_alter_table("attempts") as batch:
        batch.drop_column("failed")
