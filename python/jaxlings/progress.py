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
import statistics
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, TypeVar

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy import exc as sa_exc
from sqlalchemy.dialects import postgresql, sqlite

from . import schema
from .schema import attempts_t, hint_reveals_t, learner_problems_t, solution_views_t

T = TypeVar("T")
KEY_SOURCES = ("hub", "jupyter", "os")  # the prefixes of user keys (identity.py), in that order


class ProgressUnavailable(RuntimeError):
    """The progress database could not be read or written."""


@dataclass(frozen=True)
class History:
    """What one user has done on one problem: all that gating needs."""

    attempts: int = 0
    failed: int = 0  # failed attempts that count toward the solution (ran the learner's code)
    solved: bool = False
    hints_revealed: int = 0
    solution_viewed: bool = False


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
        failed: Optional[Sequence[str]] = None,
    ) -> int:
        """Store one attempt; returns its number for this user and problem (1-based)."""
        return self.record(
            user, problem, code, status, passed, duration_ms, key, result, failed
        ).number

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
        failed: Optional[Sequence[str]] = None,
        at: Optional[float] = None,
        counted: bool = True,
    ) -> Recorded:
        """Store one attempt once: a second call with the same (user, key) stores nothing and
        returns the first one's number and result. `failed` names the cases and structural
        checks that failed (the instructors' misconception map counts them); `at` is now
        unless an import gives the attempt's own time."""

        def work(conn: sa.Connection) -> Recorded:
            self._serialize_user(conn, user, problem)
            if key is not None:
                earlier = self._by_key(conn, user, key)
                if earlier is not None:
                    return earlier
            when = time.time() if at is None else float(at)
            self._summarize(conn, user, problem, when, bool(passed))
            conn.execute(
                attempts_t.insert().values(
                    user=user,
                    problem=problem,
                    at=when,
                    code=code,
                    status=status,
                    passed=int(bool(passed)),
                    duration_ms=float(duration_ms),
                    idempotency_key=key,
                    result=json.dumps(result) if result is not None else None,
                    failed=json.dumps(list(failed)) if failed is not None else None,
                    counted=int(bool(counted)),
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

    def _summarize(
        self, conn: sa.Connection, user: str, problem: str, at: float, passed: bool
    ) -> None:
        """Count the attempt in learner_problems (an upsert, in the attempt's transaction)."""
        lp = learner_problems_t
        insert = (sqlite.insert if self.dialect == "sqlite" else postgresql.insert)(lp)
        first = insert.values(
            user=user,
            problem=problem,
            attempts=1,
            first_at=at,
            last_at=at,
            solved_at=at if passed else None,
            attempts_to_solve=1 if passed else None,
        )
        new = first.excluded
        conn.execute(
            first.on_conflict_do_update(
                index_elements=[lp.c.user, lp.c.problem],
                set_={
                    "attempts": lp.c.attempts + 1,
                    "last_at": new.last_at,
                    "solved_at": sa.func.coalesce(lp.c.solved_at, new.solved_at),
                    "attempts_to_solve": sa.case(
                        (lp.c.attempts_to_solve.is_not(None), lp.c.attempts_to_solve),
                        (new.solved_at.is_not(None), lp.c.attempts + 1),
                        else_=None,
                    ),
                },
            )
        )

    def rebuild_summary(self) -> None:
        """Recompute learner_problems from the attempts (after a bulk import of attempts)."""

        def work(conn: sa.Connection) -> None:
            conn.execute(learner_problems_t.delete())
            conn.execute(sa.text(schema.SUMMARY_SQL))

        self._tx("the progress summary could not be rebuilt", work, write=True)

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

    # ------------------------------------------------------------ histories

    def history(self, user: str, problem: str) -> History:
        return self.histories(user, problem).get(problem, History())

    def histories(self, user: str, problem: Optional[str] = None) -> dict[str, History]:
        a = attempts_t.c
        q = (
            sa.select(
                a.problem,
                sa.func.count(),
                # failed attempts that count toward the solution (History.failed)
                sa.func.sum(sa.case(((a.passed == 0) & (a.counted != 0), 1), else_=0)),
                sa.func.max(a.passed),
            )
            .where(a.user == user)
            .group_by(a.problem)
        )
        h = hint_reveals_t.c
        hq = sa.select(h.problem, sa.func.count()).where(h.user == user).group_by(h.problem)
        v = solution_views_t.c
        vq = sa.select(v.problem).where(v.user == user).distinct()
        if problem is not None:
            q, hq = q.where(a.problem == problem), hq.where(h.problem == problem)
            vq = vq.where(v.problem == problem)

        def work(conn: sa.Connection) -> tuple[Sequence[Any], dict[str, int], set[str]]:
            rows = conn.execute(q).all()
            hints = {p: int(n) for p, n in conn.execute(hq).all()}
            return rows, hints, {p for (p,) in conn.execute(vq).all()}

        rows, hints, viewed = self._tx("the progress could not be read", work)
        out = {
            p: History(int(n), int(f or 0), bool(s), hints.get(p, 0), p in viewed)
            for p, n, f, s in rows
        }
        for p, n in hints.items():
            out.setdefault(p, History(hints_revealed=n, solution_viewed=p in viewed))
        for p in viewed:
            out.setdefault(p, History(solution_viewed=True))
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

    # ------------------------------------------------------------ the class dashboard (SQL aggregates)

    def class_cells(
        self, problem: Optional[str] = None, user: Optional[str] = None
    ) -> list[ClassCell]:
        """One row per learner and problem they attempted (of `problem` / `user` only, if
        given), from the summary that each recorded attempt keeps up to date."""
        lp = learner_problems_t.c
        q = sa.select(
            lp.user,
            lp.problem,
            lp.attempts,
            lp.first_at,
            lp.last_at,
            lp.attempts_to_solve,
            lp.solved_at,
        )
        if problem is not None:
            q = q.where(lp.problem == problem)
        if user is not None:
            q = q.where(lp.user == user)
        rows = self._tx("the class progress could not be read", lambda c: c.execute(q).all())
        return [
            ClassCell(
                u,
                p,
                int(n),
                float(first),
                float(last),
                int(to_solve) if solved_at is not None else None,
                float(solved_at) if solved_at is not None else None,
            )
            for u, p, n, first, last, to_solve, solved_at in rows
        ]

    def learner(self, name: str) -> Optional[str]:
        """The stored key of a learner shown as `name` ("ann" for "hub:ann"), if they have
        attempted anything."""
        lp = learner_problems_t.c
        keys = [name] + [f"{source}:{name}" for source in KEY_SOURCES]
        q = sa.select(lp.user).where(lp.user.in_(keys)).distinct()
        found = set(self._tx("the class progress could not be read", lambda c: c.scalars(q)))
        return next((k for k in keys if k in found), None)

    def class_status(self, problems: Sequence[str]) -> list[tuple[str, str, bool]]:
        """(user, problem, solved) for every learner and problem of `problems` they attempted."""
        lp = learner_problems_t.c
        q = sa.select(lp.user, lp.problem, lp.solved_at.is_not(None)).where(
            lp.problem.in_(list(problems))
        )
        rows = self._tx("the class progress could not be read", lambda c: c.execute(q).all())
        return [(u, p, bool(solved)) for u, p, solved in rows]

    def class_version(self) -> tuple[int, int]:
        """(cells, solved cells) of learner_problems: both only grow, so the heatmap has
        changed exactly when this has."""
        lp = learner_problems_t.c
        q = sa.select(sa.func.count(), sa.func.count(lp.solved_at))
        n, solved = self._tx("the class progress could not be read", lambda c: c.execute(q).one())
        return int(n), int(solved)

    def class_totals(self, sprint_of: dict[str, str]) -> ClassTotals:
        """The overview's figures, grouped in the database (a few hundred rows come back, not
        one per learner and problem): `sprint_of` maps each problem the bank has to its sprint."""
        lp, h, sv = learner_problems_t.c, hint_reveals_t.c, solution_views_t.c
        known = list(sprint_of)
        # per learner and sprint: the learners' rows and the sprints' both add up from these
        counts = (
            sa.func.count(),
            sa.func.count(lp.solved_at),
            sa.func.sum(lp.attempts),
            sa.func.max(lp.last_at),
        )
        sprint = sa.case(sprint_of, value=lp.problem)
        by_sprint_q = (
            sa.select(lp.user, sprint, *counts)
            .where(lp.problem.in_(known))
            .group_by(lp.user, sprint)
        )
        solve_time = lp.solved_at - lp.first_at
        if self.dialect == "postgresql":  # percentile_cont skips the NULLs of the unsolved
            problems_q: Any = (
                sa.select(
                    lp.problem,
                    sa.func.count(),
                    sa.func.count(lp.solved_at),
                    sa.func.percentile_cont(0.5).within_group(lp.attempts_to_solve),
                    sa.func.percentile_cont(0.5).within_group(solve_time),
                )
                .where(lp.problem.in_(known))
                .group_by(lp.problem)
            )
        else:  # SQLite has no percentile: the rows come back (a small class's)
            problems_q = sa.select(lp.problem, lp.attempts_to_solve, solve_time).where(
                lp.problem.in_(known)
            )
        hints_q = sa.select(h.problem, sa.func.count()).group_by(h.problem)
        views_q = sa.select(sv.problem, sa.func.count(sa.distinct(sv.user))).group_by(sv.problem)

        def work(conn: sa.Connection) -> ClassTotals:
            problems: dict[str, tuple[int, int, Optional[float], Optional[float]]] = {}
            if self.dialect == "postgresql":
                for pid, n, solved, m_attempts, m_time in conn.execute(problems_q):
                    problems[pid] = (int(n), int(solved), _float(m_attempts), _float(m_time))
            else:
                rows: dict[str, tuple[list[float], list[float], list[int]]] = {}
                for pid, to_solve, dt in conn.execute(problems_q):
                    a, t, n = rows.setdefault(pid, ([], [], [0]))
                    n[0] += 1
                    if dt is not None:
                        a.append(float(to_solve))
                        t.append(float(dt))
                problems = {
                    pid: (
                        n[0],
                        len(a),
                        statistics.median(a) if a else None,
                        statistics.median(t) if t else None,
                    )
                    for pid, (a, t, n) in rows.items()
                }
            return ClassTotals(
                by_sprint=[
                    (u, k, int(n), int(s), int(a), float(last))
                    for u, k, n, s, a, last in conn.execute(by_sprint_q)
                ],
                problems=problems,
                hints={p: int(n) for p, n in conn.execute(hints_q)},
                views={p: int(n) for p, n in conn.execute(views_q)},
            )

        return self._tx("the class progress could not be read", work)

    def class_reveals(self) -> tuple[dict[tuple[str, str], int], set[tuple[str, str]]]:
        """Hints revealed per (user, problem), and the (user, problem)s whose solution was seen."""
        h, s = hint_reveals_t.c, solution_views_t.c
        hq = sa.select(h.user, h.problem, sa.func.count()).group_by(h.user, h.problem)
        sq = sa.select(s.user, s.problem).distinct()

        def work(conn: sa.Connection) -> tuple[dict[tuple[str, str], int], set[tuple[str, str]]]:
            hints = {(u, p): int(n) for u, p, n in conn.execute(hq).all()}
            seen = {(u, p) for u, p in conn.execute(sq).all()}
            return hints, seen

        return self._tx("the class progress could not be read", work)

    def problem_failures(self, problem: str) -> list[tuple[str, str, Optional[str], int]]:
        """(user, status, failed-names JSON, count) for every failing attempt on `problem`."""
        a = attempts_t.c
        q = (
            sa.select(a.user, a.status, a.failed, sa.func.count())
            .where(a.problem == problem, a.passed == 0)
            .group_by(a.user, a.status, a.failed)
        )
        rows = self._tx("the attempts could not be read", lambda c: c.execute(q).all())
        return [(u, st, fl, int(n)) for u, st, fl, n in rows]

    def activity(self, bucket_s: int) -> list[tuple[float, int, int]]:
        """(bucket start, attempts, passed) per `bucket_s` seconds, oldest first."""
        a = attempts_t.c
        if self.dialect == "sqlite":  # CAST truncates toward zero: floor for Unix times
            bucket: Any = sa.cast(a.at / bucket_s, sa.Integer)
        else:
            bucket = sa.func.floor(a.at / sa.literal(float(bucket_s), sa.Float))  # not NUMERIC
        q = (
            sa.select(bucket.label("b"), sa.func.count(), sa.func.sum(a.passed))
            .group_by(sa.literal_column("b"))
            .order_by(sa.literal_column("b"))
        )
        rows = self._tx("the attempts could not be read", lambda c: c.execute(q).all())
        return [(float(b) * bucket_s, int(n), int(p or 0)) for b, n, p in rows]

    def time_span(self) -> tuple[Optional[float], Optional[float]]:
        a = attempts_t.c
        q = sa.select(sa.func.min(a.at), sa.func.max(a.at))
        lo, hi = self._tx("the attempts could not be read", lambda c: c.execute(q).one())
        return (float(lo) if lo is not None else None, float(hi) if hi is not None else None)

    def latest(self, user: str, problem: str) -> Optional[dict[str, Any]]:
        """The newest attempt's code, time and verdict, or None."""
        a = attempts_t.c
        q = (
            sa.select(a.code, a.at, a.status)
            .where(a.user == user, a.problem == problem)
            .order_by(a.id.desc())
            .limit(1)
        )
        row = self._tx("the attempts could not be read", lambda c: c.execute(q).first())
        if row is None:
            return None
        return {"code": row.code, "at": float(row.at), "status": row.status}

    def attempt_rows(self) -> list[tuple[str, str, float, str, Optional[str], float, int]]:
        """Every attempt (user, problem, at, status, failed JSON, duration_ms, its number for
        the user and problem), in the order they were recorded."""
        a = attempts_t.c
        number = sa.func.row_number().over(partition_by=(a.user, a.problem), order_by=a.id)
        q = sa.select(a.user, a.problem, a.at, a.status, a.failed, a.duration_ms, number).order_by(
            a.id
        )
        rows = self._tx("the attempts could not be read", lambda c: c.execute(q).all())
        return [(u, p, float(at), st, fl, float(d), int(n)) for u, p, at, st, fl, d, n in rows]


def _float(x: Any) -> Optional[float]:
    return None if x is None else float(x)


@dataclass(frozen=True)
class ClassTotals:
    """The class overview's figures as the database grouped them."""

    # user, sprint, problems of it started, solved, attempts, last attempt
    by_sprint: list[tuple[str, str, int, int, int, float]]
    # problem -> learners started, solved, median attempts and seconds to solve
    problems: dict[str, tuple[int, int, Optional[float], Optional[float]]]
    hints: dict[str, int]  # problem -> hints revealed
    views: dict[str, int]  # problem -> learners who opened the solution


@dataclass(frozen=True)
class ClassCell:
    """One learner's record on one problem they attempted."""

    user: str
    problem: str
    attempts: int
    first_at: float
    last_at: float
    attempts_to_solve: Optional[int]  # attempts up to and including the first pass
    solved_at: Optional[float]  # when the first pass was recorded
