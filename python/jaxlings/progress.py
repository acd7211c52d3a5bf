"""Progress: every attempt and hint reveal, per user, in SQLite (WAL).

No Tornado here; the server and the CLI both call these functions. A failed write raises
ProgressUnavailable so the caller can tell the learner their attempt was not saved.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from .api import Verdict

SCHEMA = """
CREATE TABLE IF NOT EXISTS attempts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user TEXT NOT NULL,
    problem TEXT NOT NULL,
    at REAL NOT NULL,
    code TEXT NOT NULL,
    status TEXT NOT NULL,
    passed INTEGER NOT NULL,
    duration_ms REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS attempts_user_problem ON attempts(user, problem);
CREATE TABLE IF NOT EXISTS hint_reveals (
    user TEXT NOT NULL,
    problem TEXT NOT NULL,
    idx INTEGER NOT NULL,
    at REAL NOT NULL,
    PRIMARY KEY (user, problem, idx)
);
CREATE TABLE IF NOT EXISTS solution_views (
    user TEXT NOT NULL,
    problem TEXT NOT NULL,
    at REAL NOT NULL
);
"""


def _stale(exc: sqlite3.Error) -> bool:
    """An error that a fresh connection may not have: read-only (the connection was opened while
    the file could not be written) or an I/O error. Not "locked": waiting again would not help."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (8, 10)  # SQLITE_READONLY, SQLITE_IOERR (and their extended codes)
    text = str(exc).lower()
    return "readonly" in text or "disk i/o error" in text


class ProgressUnavailable(RuntimeError):
    """The progress database could not be read or written."""


@dataclass(frozen=True)
class History:
    """What one user has done on one problem: all that gating needs."""

    attempts: int = 0
    failed: int = 0
    solved: bool = False
    hints_revealed: int = 0


class ProgressStore:
    def __init__(self, path: Path):
        self.path = Path(path)
        self._local = threading.local()
        self._init_lock = threading.Lock()
        self._ready = False

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(str(self.path), timeout=2.0, isolation_level=None)
                conn.execute("PRAGMA busy_timeout = 2000")
                with self._init_lock:
                    if not self._ready:
                        conn.execute("PRAGMA journal_mode = WAL")
                        conn.executescript(SCHEMA)
                        self._ready = True
            except (sqlite3.Error, OSError) as exc:
                raise ProgressUnavailable(
                    f"the progress database {self.path} cannot be opened: {exc}"
                ) from None
            self._local.conn = conn
        return conn

    def _drop(self) -> None:
        """Forget this thread's connection after an error, so that the next call opens a fresh one.

        A connection opened while the file was read-only stays read-only for good, and one that
        hit an I/O error may stay broken: kept, it would refuse every later write of its thread.
        """
        conn = getattr(self._local, "conn", None)
        self._local.conn = None
        if conn is not None:
            try:
                conn.close()
            except sqlite3.Error:
                pass

    def _run(self, sql: str, args: tuple[object, ...] = ()) -> list[Any]:
        for retry in (True, False):
            try:
                return self._conn().execute(sql, args).fetchall()
            except sqlite3.Error as exc:
                self._drop()
                if retry and _stale(exc):
                    continue
                raise ProgressUnavailable(
                    f"the progress database could not be used: {exc}"
                ) from None
        raise AssertionError("unreachable")

    def record_attempt(
        self, user: str, problem: str, code: str, status: Verdict, passed: bool, duration_ms: float
    ) -> int:
        """Store one attempt; returns its number for this user and problem (1-based)."""
        for retry in (True, False):
            try:
                return self._record_attempt(user, problem, code, status, passed, duration_ms)
            except sqlite3.Error as exc:
                self._drop()
                if retry and _stale(exc):
                    continue  # a connection left read-only or broken by an earlier fault: once more, anew
                raise ProgressUnavailable(f"the attempt could not be saved: {exc}") from None
        raise AssertionError("unreachable")

    def _record_attempt(
        self, user: str, problem: str, code: str, status: Verdict, passed: bool, duration_ms: float
    ) -> int:
        conn = self._conn()
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(
                "INSERT INTO attempts (user, problem, at, code, status, passed, duration_ms) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (user, problem, time.time(), code, status, int(passed), duration_ms),
            )
            (n,) = conn.execute(
                "SELECT COUNT(*) FROM attempts WHERE user = ? AND problem = ?", (user, problem)
            ).fetchone()
            conn.execute("COMMIT")
        except BaseException:
            try:
                conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # no transaction left to roll back: keep the error that ended it
            raise
        return int(n)

    def history(self, user: str, problem: str) -> History:
        ((attempts, failed, solved),) = self._run(
            "SELECT COUNT(*), COALESCE(SUM(1 - passed), 0), COALESCE(MAX(passed), 0) "
            "FROM attempts WHERE user = ? AND problem = ?",
            (user, problem),
        )
        ((hints,),) = self._run(
            "SELECT COUNT(*) FROM hint_reveals WHERE user = ? AND problem = ?", (user, problem)
        )
        return History(int(attempts), int(failed), bool(solved), int(hints))

    def histories(self, user: str) -> dict[str, History]:
        rows = self._run(
            "SELECT problem, COUNT(*), COALESCE(SUM(1 - passed), 0), COALESCE(MAX(passed), 0) "
            "FROM attempts WHERE user = ? GROUP BY problem",
            (user,),
        )
        hints = dict(
            self._run(
                "SELECT problem, COUNT(*) FROM hint_reveals WHERE user = ? GROUP BY problem",
                (user,),
            )
        )
        out = {p: History(int(a), int(f), bool(s), int(hints.get(p, 0))) for p, a, f, s in rows}
        for p, n in hints.items():
            out.setdefault(p, History(hints_revealed=int(n)))
        return out

    def reveal_hint(self, user: str, problem: str, index: int) -> None:
        self._run(
            "INSERT OR IGNORE INTO hint_reveals (user, problem, idx, at) VALUES (?, ?, ?, ?)",
            (user, problem, index, time.time()),
        )

    def record_solution_view(self, user: str, problem: str) -> None:
        self._run(
            "INSERT INTO solution_views (user, problem, at) VALUES (?, ?, ?)",
            (user, problem, time.time()),
        )

    def attempts(self, user: str, problem: Optional[str] = None) -> list[dict[str, Any]]:
        sql = "SELECT id, user, problem, at, code, status, passed, duration_ms FROM attempts WHERE user = ?"
        args: tuple[object, ...] = (user,)
        if problem:
            sql += " AND problem = ?"
            args += (problem,)
        keys = ("id", "user", "problem", "at", "code", "status", "passed", "duration_ms")
        return [dict(zip(keys, row, strict=True)) for row in self._run(sql + " ORDER BY id", args)]
