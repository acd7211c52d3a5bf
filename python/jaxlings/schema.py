"""The progress database's tables (SQLAlchemy Core) and the Alembic upgrade that creates them.

The tables here describe the newest revision in `migrations/versions/`; a change to them is a
new revision there. `upgrade` is what every face calls when it opens a database.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional, cast

import sqlalchemy as sa

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
# the schema of the releases before Alembic: a database that has it but no version is adopted
LEGACY_REVISION = "0001"

metadata = sa.MetaData()

attempts_t = sa.Table(
    "attempts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("user", sa.Text, nullable=False),
    sa.Column("problem", sa.Text, nullable=False),
    sa.Column("at", sa.Float, nullable=False),
    sa.Column("code", sa.Text, nullable=False),
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("passed", sa.Integer, nullable=False),
    sa.Column("duration_ms", sa.Float, nullable=False),
    # a client's retry of the same Check carries the same key: stored once per user and key
    sa.Column("idempotency_key", sa.String(128), nullable=True),
    sa.Column("result", sa.Text, nullable=True),  # the CheckResult JSON, answered to a retry
    # JSON list of the cases and structural checks that failed (NULL: recorded before 0003)
    sa.Column("failed", sa.Text, nullable=True),
    # 0 for a failed attempt that does not count toward the solution (the starter, a syntax error)
    sa.Column("counted", sa.Integer, nullable=False, server_default="1"),
)

# one row per learner and problem they attempted, kept by ProgressStore.record in the attempt's
# own transaction: the instructors' views read 8 000 of these rather than aggregate 50 000 attempts
learner_problems_t = sa.Table(
    "learner_problems",
    metadata,
    sa.Column("user", sa.Text, primary_key=True),
    sa.Column("problem", sa.Text, primary_key=True),
    sa.Column("attempts", sa.Integer, nullable=False),
    sa.Column("first_at", sa.Float, nullable=False),
    sa.Column("last_at", sa.Float, nullable=False),
    sa.Column("solved_at", sa.Float, nullable=True),  # the first pass
    sa.Column("attempts_to_solve", sa.Integer, nullable=True),  # up to and including it
)

# what learner_problems holds, computed from the attempts (the migration's backfill, and
# ProgressStore.rebuild_summary after a bulk import)
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

hint_reveals_t = sa.Table(
    "hint_reveals",
    metadata,
    sa.Column("user", sa.Text, primary_key=True),
    sa.Column("problem", sa.Text, primary_key=True),
    sa.Column("idx", sa.Integer, primary_key=True),
    sa.Column("at", sa.Float, nullable=False),
)

solution_views_t = sa.Table(
    "solution_views",
    metadata,
    sa.Column("user", sa.Text, nullable=False),
    sa.Column("problem", sa.Text, nullable=False),
    sa.Column("at", sa.Float, nullable=False),
)


def alembic_config(connection: Optional[sa.Connection] = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head() -> str:
    from alembic.script import ScriptDirectory

    # the package ships its migrations, so there is always a head
    return cast(str, ScriptDirectory.from_config(alembic_config()).get_current_head())


def current(connection: sa.Connection) -> str | None:
    if not sa.inspect(connection).has_table("alembic_version"):
        return None
    version: str | None = connection.execute(
        sa.text("SELECT version_num FROM alembic_version")
    ).scalar()
    return version


def upgrade(engine: sa.Engine) -> str:
    """Migrate `engine`'s database to the newest revision and return it.

    One transaction, holding the write lock (SQLite) or an advisory lock (PostgreSQL), so that
    two processes opening the same database at once migrate it once.
    """
    from alembic import command

    newest = head()
    with engine.connect() as conn:
        conn.info["write"] = True
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(7201)"))  # any fixed number
            now = current(conn)
            if now == newest:
                return newest
            cfg = alembic_config(conn)
            if now is None and sa.inspect(conn).has_table("attempts"):
                command.stamp(cfg, LEGACY_REVISION)
            command.upgrade(cfg, "head")
    return newest
