"""ProgressStore: attempts, hint reveals and solved state per user, on SQLite and PostgreSQL."""

import sqlite3
import threading

import pytest
import sqlalchemy as sa

from jaxlings import schema
from jaxlings.progress import ProgressStore, ProgressUnavailable


@pytest.fixture
def store(database):
    s = ProgressStore(database)
    yield s
    s.close()


def test_attempts_are_numbered_per_user_and_problem(store):
    assert store.record_attempt("a", "p1", "code", "failed", False, 10.0) == 1
    assert store.record_attempt("a", "p1", "code", "passed", True, 12.0) == 2
    assert store.record_attempt("b", "p1", "code", "failed", False, 9.0) == 1
    assert store.record_attempt("a", "p2", "code", "error", False, 9.0) == 1
    h = store.history("a", "p1")
    assert (h.attempts, h.failed, h.solved) == (2, 1, True)
    assert store.history("b", "p1").solved is False
    rows = store.attempts("a", "p1")
    assert [r["status"] for r in rows] == ["failed", "passed"] and rows[0]["code"] == "code"


def test_hint_reveals_are_idempotent_and_per_user(store):
    store.reveal_hint("a", "p", 0)
    store.reveal_hint("a", "p", 0)
    store.reveal_hint("a", "p", 1)
    assert store.history("a", "p").hints_revealed == 2
    assert store.history("b", "p").hints_revealed == 0
    assert store.histories("a")["p"].hints_revealed == 2


def test_concurrent_attempts_are_all_recorded_once_and_numbered_without_gaps(store):
    numbers: dict[str, list[int]] = {f"u{i}": [] for i in range(3)}

    def work(i):
        for _ in range(20):
            n = store.record_attempt(f"u{i % 3}", "p", "c", "failed", False, 1.0)
            numbers[f"u{i % 3}"].append(n)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(store.history(f"u{i}", "p").attempts for i in range(3)) == 120
    for got in numbers.values():  # two writers never get the same number
        assert sorted(got) == list(range(1, 41))


def test_a_retried_attempt_with_the_same_key_is_recorded_once(store):
    first = store.record("a", "p", "c", "failed", False, 5.0, key="k-0001-abcd", result={"x": 1})
    again = store.record("a", "p", "c", "failed", False, 6.0, key="k-0001-abcd", result={"x": 2})
    assert (first.number, first.new) == (1, True)
    assert (again.number, again.new, again.result) == (1, False, {"x": 1})
    # the same key from another user is another attempt
    assert store.record("b", "p", "c", "failed", False, 1.0, key="k-0001-abcd").new
    assert store.history("a", "p").attempts == 1
    assert store.attempt_by_key("a", "k-0001-abcd").result == {"x": 1}
    assert store.attempt_by_key("a", "never-sent") is None


def test_concurrent_retries_with_one_key_store_one_attempt(store):
    out = []

    def send():
        out.append(store.record("a", "p", "c", "passed", True, 1.0, key="same-key-123", result={}))

    threads = [threading.Thread(target=send) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert store.history("a", "p").attempts == 1
    assert sum(r.new for r in out) == 1 and {r.number for r in out} == {1}


def test_class_summary_has_every_learner(store):
    store.record_attempt("hub:ann", "p1", "c", "failed", False, 1.0)
    store.record_attempt("hub:ann", "p1", "c", "passed", True, 1.0)
    store.record_attempt("hub:bob", "p2", "c", "failed", False, 1.0)
    s = store.class_summary()
    assert s["hub:ann"]["p1"]["attempts"] == 2 and s["hub:ann"]["p1"]["solved"]
    assert s["hub:bob"] == {"p2": {**s["hub:bob"]["p2"], "attempts": 1, "solved": False}}


def test_recent_attempts_are_the_users_own(store):
    store.record_attempt("a", "p", "c", "failed", False, 1.0)
    store.record_attempt("b", "p", "c", "failed", False, 1.0)
    assert len(store.recent_attempts("a", 0.0)) == 1
    assert store.recent_attempts("a", 4e9) == []


def test_a_new_database_is_at_the_newest_revision(store):
    store.migrate()
    with store.engine.connect() as conn:
        assert schema.current(conn) == schema.head()


# ---------------------------------------------------------------- SQLite specifics


def test_sqlite_database_is_in_wal_mode(tmp_path):
    store = ProgressStore(tmp_path / "p.sqlite")
    store.record_attempt("a", "p", "c", "failed", False, 1.0)
    mode = sqlite3.connect(tmp_path / "p.sqlite").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_unwritable_database_raises_progress_unavailable(tmp_path):
    (tmp_path / "ro").mkdir()
    (tmp_path / "ro" / "p.sqlite").mkdir()  # a directory where the file should be
    with pytest.raises(ProgressUnavailable):
        ProgressStore(tmp_path / "ro" / "p.sqlite").record_attempt(
            "a", "p", "c", "failed", False, 1.0
        )


LEGACY_SCHEMA = """
CREATE TABLE attempts (
    id INTEGER PRIMARY KEY AUTOINCREMENT, user TEXT NOT NULL, problem TEXT NOT NULL,
    at REAL NOT NULL, code TEXT NOT NULL, status TEXT NOT NULL, passed INTEGER NOT NULL,
    duration_ms REAL NOT NULL
);
CREATE INDEX attempts_user_problem ON attempts(user, problem);
CREATE TABLE hint_reveals (
    user TEXT NOT NULL, problem TEXT NOT NULL, idx INTEGER NOT NULL, at REAL NOT NULL,
    PRIMARY KEY (user, problem, idx)
);
CREATE TABLE solution_views (user TEXT NOT NULL, problem TEXT NOT NULL, at REAL NOT NULL);
"""


def test_a_progress_file_from_before_alembic_is_migrated_not_lost(tmp_path):
    """A progress.sqlite written by the releases before Alembic (same tables, no version)."""
    path = tmp_path / "progress.sqlite"
    old = sqlite3.connect(path)
    old.executescript(LEGACY_SCHEMA)
    old.execute("PRAGMA journal_mode = WAL")
    old.executemany(
        "INSERT INTO attempts (user, problem, at, code, status, passed, duration_ms) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            ("os:ann", "nnx-ema-step", 1.7e9, "bad", "failed", 0, 10.0),
            ("os:ann", "nnx-ema-step", 1.7e9 + 5, "good", "passed", 1, 11.0),
        ],
    )
    old.execute("INSERT INTO hint_reveals VALUES ('os:ann', 'nnx-ema-step', 0, 1.7e9)")
    old.commit()
    old.close()

    store = ProgressStore(path)
    h = store.history("os:ann", "nnx-ema-step")
    assert (h.attempts, h.failed, h.solved, h.hints_revealed) == (2, 1, True, 1)
    # the new revision's columns work on the old rows' table
    assert (
        store.record("os:ann", "nnx-ema-step", "c", "failed", False, 1.0, key="k-12345678").number
        == 3
    )
    with store.engine.connect() as conn:
        assert schema.current(conn) == schema.head()
        cols = {c["name"] for c in sa.inspect(conn).get_columns("attempts")}
    assert {"idempotency_key", "result"} <= cols
    # a second process opening it again changes nothing
    assert ProgressStore(path).history("os:ann", "nnx-ema-step").attempts == 3


def test_attempts_that_do_not_count_are_kept_but_not_failed(store):
    store.record("a", "p", "starter", "failed", False, 1.0, counted=False)
    store.record("a", "p", "def f(:", "error", False, 1.0, counted=False)
    store.record("a", "p", "mine", "failed", False, 1.0)
    h = store.history("a", "p")
    assert (h.attempts, h.failed, h.solved) == (3, 1, False)
    store.record_solution_view("a", "p")
    assert store.history("a", "p").solution_viewed and not store.history("a", "q").solution_viewed
