"""Progress: every attempt and hint reveal, per user, behind one storage interface (SQLAlchemy 2).

SQLite (WAL) is the embedded default and needs no set-up; a class points `database_url` at
PostgreSQL (`postgresql+psycopg://…`). The schema is versioned with Alembic (migrations in
`jaxlings/migrations/`): a database is brought to the newest revision when it is opened, and a
`progress.sqlite` written before Alembic (the same tables, no version) is adopted, not lost.

No Tornado here; every face (server extension, CLI, classroom service) calls these methods. A
failed read or write raises ProgressUnavailable so the caller can tell the learner.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, TypeVar

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy import exc as sa_exc

from . import schema
from .schema import attempts_t, hint_reveals_t, solution_views_t

T = TypeVar("T")


class ProgressUnavailable(RuntimeError):
    """The progress database could not be read or written."""


@dataclass(frozen=True)
class History:
    """What one user has done on one problem: all that gating needs."""

    attempts: int = 0
    failed: int = 0
    solved: bool = False
    hints_revealed: int = 0


@dataclass(frozen=True)
class Recorded:
    """An attempt as stored: its number for the user and problem, and whether this call stored it
    (False when a retry carried an idempotency key that was already recorded)."""

    number: int
    new: bool
    result: Optional[dict[str, Any]] = None


def database_url(target: str | Path) -> str:
    """A SQLAlchemy URL for `target`: a URL stays as it is, a path becomes a SQLite file."""
    text = str(target)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def _stale(exc: BaseException) -> bool:
    """An error that a fresh connection may not have: read-only (the connection was opened while
    the file could not be written) or an I/O error. Not "locked": waiting again would not help."""
    orig = getattr(exc, "orig", None)
    code = getattr(orig, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (8, 10)  # SQLITE_READONLY, SQLITE_IOERR (and their extended codes)
    text = str(orig or exc).lower()
    return "readonly" in text or "disk i/o error" in text


def _reason(exc: BaseException) -> str:
    """The driver's own words ("database is locked"), without SQLAlchemy's SQL echo."""
    orig = getattr(exc, "orig", None)
    return str(orig if orig is not None else exc).strip().splitlines()[0]


def _sqlite_engine(url: str) -> sa.Engine:
    path = sa.engine.make_url(url).database
    if path and path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(
        url, pool_size=4, max_overflow=60, pool_timeout=10, connect_args={"timeout": 2.0}
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # let the "begin" hook below issue BEGIN itself
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA busy_timeout = 2000")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        # a writer takes the write lock up front (counting an attempt and inserting it is one
        # step); a reader does not, so reads go on while another process holds the lock
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.info.get("write") else "BEGIN")

    return engine


class ProgressStore:
    """Attempts, hint reveals and solution views of every user, in one database."""

    def __init__(self, target: str | Path):
        self.url = database_url(target)
        self.path: Optional[Path] = None
        driver = sa.engine.make_url(self.url)
        self.dialect = driver.get_backend_name()
        if self.dialect == "sqlite":
            self.path = Path(driver.database) if driver.database else None
            self.engine = _sqlite_engine(self.url)
        else:
            self.engine = sa.create_engine(self.url, pool_pre_ping=True, pool_size=8)
        self._ready = False
        self._revision = ""
        self._ready_lock = threading.Lock()
        # SQLite has one writer at a time: this process's writers queue here, in order, rather
        # than in SQLite's busy loop, where a thread can starve past the busy timeout
        self._write_lock = threading.Lock() if self.dialect == "sqlite" else None

    def __repr__(self) -> str:
        return f"ProgressStore({self.engine.url.render_as_string(hide_password=True)!r})"

    def close(self) -> None:
        self.engine.dispose()

    # ------------------------------------------------------------ plumbing

    def migrate(self) -> str:
        """Bring the schema to the newest revision (idempotent; safe from several processes)."""
        try:
            with self._ready_lock:
                if not self._ready:  # once per process: later opens find it at the head
                    self._revision = schema.upgrade(self.engine)
                    self._ready = True
                return self._revision
        except (sa_exc.SQLAlchemyError, OSError) as exc:
            raise ProgressUnavailable(
                f"the progress database {self!r} cannot be opened: {_reason(exc)}"
            ) from None

    def _ensure(self) -> None:
        if self._ready:
            return
        self.migrate()

    def _tx(self, what: str, fn: Callable[[sa.Connection], T], write: bool = False) -> T:
        """Run `fn(conn)` in one transaction; a database error becomes ProgressUnavailable."""
        self._ensure()
        for retry in (True, False):
            try:
                if write and self._write_lock is not None:
                    with self._write_lock:
                        return self._run(fn, write)
                return self._run(fn, write)
            except sa_exc.SQLAlchemyError as exc:
                if retry and _stale(exc):
                    # connections opened while the file was read-only stay read-only: drop
                    # them all, and try once more on a fresh one
                    self.engine.dispose()
                    continue
                raise ProgressUnavailable(f"{what}: {_reason(exc)}") from None
        raise AssertionError("unreachable")

    def _run(self, fn: Callable[[sa.Connection], T], write: bool) -> T:
        with self.engine.connect() as conn:
            conn.info["write"] = write
            with conn.begin():
                return fn(conn)

    def _serialize_user(self, conn: sa.Connection, user: str, problem: str) -> None:
        """Serialise writers of one user's problem (SQLite's BEGIN IMMEDIATE already does)."""
        if self.dialect == "postgresql":
            conn.execute(
                sa.text("SELECT pg_advisory_xact_lock(hashtext(:k))"), {"k": f"{user}\n{problem}"}
            )

    # ------------------------------------------------------------ attempts

    def record_attempt(
        self,
        user: str,
        problem: str,
        code: str,
        status: str,
        passed: bool,
        duration_ms: float,
        *,
        key: Optional[str] = None,
        result: Optional[dict[str, Any]] = None,
    ) -> int:
        """Store one attempt; returns its number for this user and problem (1-based)."""
        return self.record(user, problem, code, status, passed, duration_ms, key, result).number

    def record(
        self,
        user: str,
        problem: str,
        code: str,
        status: str,
        passed: bool,
        duration_ms: float,
        key: Optional[str] = None,
        result: Optional[dict[str, Any]] = None,
    ) -> Recorded:
        """Store one attempt once: a second call with the same (user, key) stores nothing and
        returns the first one's number and result."""

        def work(conn: sa.Connection) -> Recorded:
            self._serialize_user(conn, user, problem)
            if key is not None:
                earlier = self._by_key(conn, user, key)
                if earlier is not None:
                    return earlier
            conn.execute(
                attempts_t.insert().values(
                    user=user,
                    problem=problem,
                    at=time.time(),
                    code=code,
                    status=status,
                    passed=int(bool(passed)),
                    duration_ms=float(duration_ms),
                    idempotency_key=key,
                    result=json.dumps(result) if result is not None else None,
                )
            )
            n = conn.execute(
                sa.select(sa.func.count())
                .select_from(attempts_t)
                .where(attempts_t.c.user == user, attempts_t.c.problem == problem)
            ).scalar_one()
            return Recorded(int(n), True, result)

        try:
            return self._tx("the attempt could not be saved", work, write=True)
        except ProgressUnavailable:
            if key is not None:  # a concurrent retry with the same key won the unique index
                earlier = self._tx(
                    "the attempt could not be saved", lambda c: self._by_key(c, user, key)
                )
                if earlier is not None:
                    return earlier
            raise

    def _by_key(self, conn: sa.Connection, user: str, key: str) -> Optional[Recorded]:
        row = conn.execute(
            sa.select(attempts_t.c.id, attempts_t.c.problem, attempts_t.c.result).where(
                attempts_t.c.user == user, attempts_t.c.idempotency_key == key
            )
        ).first()
        if row is None:
            return None
        n = conn.execute(
            sa.select(sa.func.count())
            .select_from(attempts_t)
            .where(
                attempts_t.c.user == user,
                attempts_t.c.problem == row.problem,
                attempts_t.c.id <= row.id,
            )
        ).scalar_one()
        return Recorded(int(n), False, json.loads(row.result) if row.result else None)

    def attempt_by_key(self, user: str, key: str) -> Optional[Recorded]:
        """The attempt a client already sent with this idempotency key, if any."""
        return self._tx("the attempts could not be read", lambda c: self._by_key(c, user, key))

    def recent_attempts(self, user: str, since: float) -> list[float]:
        """When `user`'s attempts since `since` (a Unix time) were recorded, oldest first."""
        q = (
            sa.select(attempts_t.c.at)
            .where(attempts_t.c.user == user, attempts_t.c.at >= since)
            .order_by(attempts_t.c.at)
        )
        return self._tx(
            "the attempts could not be read", lambda c: [float(t) for t in c.scalars(q)]
        )

    def activity(self, user: str, since: float, limit: int) -> list[tuple[float, bool]]:
        """(time, passed) of `user`'s latest `limit` attempts since `since`, oldest first."""
        a = attempts_t.c
        q = (
            sa.select(a.at, a.passed)
            .where(a.user == user, a.at >= since)
            .order_by(a.at.desc())
            .limit(limit)
        )
        rows = self._tx("the attempts could not be read", lambda c: c.execute(q).all())
        return [(float(at), bool(passed)) for at, passed in reversed(rows)]

    # ------------------------------------------------------------ histories

    def history(self, user: str, problem: str) -> History:
        return self.histories(user, problem).get(problem, History())

    def histories(self, user: str, problem: Optional[str] = None) -> dict[str, History]:
        a = attempts_t.c
        q = (
            sa.select(
                a.problem,
                sa.func.count(),
                sa.func.count() - sa.func.sum(a.passed),
                sa.func.max(a.passed),
            )
            .where(a.user == user)
            .group_by(a.problem)
        )
        h = hint_reveals_t.c
        hq = sa.select(h.problem, sa.func.count()).where(h.user == user).group_by(h.problem)
        if problem is not None:
            q, hq = q.where(a.problem == problem), hq.where(h.problem == problem)

        def work(conn: sa.Connection) -> tuple[Sequence[Any], dict[str, int]]:
            rows = conn.execute(q).all()
            hints = {p: int(n) for p, n in conn.execute(hq).all()}
            return rows, hints

        rows, hints = self._tx("the progress could not be read", work)
        out = {p: History(int(n), int(f or 0), bool(s), hints.get(p, 0)) for p, n, f, s in rows}
        for p, n in hints.items():
            out.setdefault(p, History(hints_revealed=n))
        return out

    def reveal_hint(self, user: str, problem: str, index: int) -> None:
        h = hint_reveals_t.c

        def work(conn: sa.Connection) -> None:
            seen = conn.execute(
                sa.select(sa.func.count())
                .select_from(hint_reveals_t)
                .where(h.user == user, h.problem == problem, h.idx == index)
            ).scalar_one()
            if not seen:
                conn.execute(
                    hint_reveals_t.insert().values(
                        user=user, problem=problem, idx=index, at=time.time()
                    )
                )

        try:
            self._tx("the hint reveal could not be saved", work, write=True)
        except ProgressUnavailable:
            if self.history(user, problem).hints_revealed > index:
                return  # a concurrent reveal of the same hint stored it
            raise

    def record_solution_view(self, user: str, problem: str) -> None:
        self._tx(
            "the solution view could not be saved",
            lambda c: c.execute(
                solution_views_t.insert().values(user=user, problem=problem, at=time.time())
            ),
            write=True,
        )

    def attempts(self, user: str, problem: Optional[str] = None) -> list[dict[str, Any]]:
        a = attempts_t.c
        cols = (a.id, a.user, a.problem, a.at, a.code, a.status, a.passed, a.duration_ms)
        q = sa.select(*cols).where(a.user == user).order_by(a.id)
        if problem:
            q = q.where(a.problem == problem)
        rows = self._tx("the attempts could not be read", lambda c: c.execute(q).all())
        return [
            {**row._asdict(), "passed": int(bool(row.passed)), "at": float(row.at)} for row in rows
        ]

    # ------------------------------------------------------------ the class (instructors)

    def class_summary(self) -> dict[str, dict[str, Any]]:
        """Per user and problem: attempts, solved, last activity. For instructors only."""
        a = attempts_t.c
        q = sa.select(
            a.user,
            a.problem,
            sa.func.count(),
            sa.func.max(a.passed),
            sa.func.max(a.at),
        ).group_by(a.user, a.problem)
        rows = self._tx("the class progress could not be read", lambda c: c.execute(q).all())
        out: dict[str, dict[str, Any]] = {}
        for user, problem, n, solved, last in rows:
            out.setdefault(user, {})[problem] = {
                "attempts": int(n),
                "solved": bool(solved),
                "last_at": float(last),
            }
        return out
