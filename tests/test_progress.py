"""ProgressStore: attempts, hint reveals and solved state per user, in SQLite WAL."""

import sqlite3
import threading

import pytest

from jaxlings.progress import ProgressStore, ProgressUnavailable


@pytest.fixture
def store(tmp_path):
    return ProgressStore(tmp_path / "p.sqlite")


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


def test_database_is_in_wal_mode(store, tmp_path):
    store.record_attempt("a", "p", "c", "failed", False, 1.0)
    mode = sqlite3.connect(tmp_path / "p.sqlite").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_hint_reveals_are_idempotent_and_per_user(store):
    store.reveal_hint("a", "p", 0)
    store.reveal_hint("a", "p", 0)
    store.reveal_hint("a", "p", 1)
    assert store.history("a", "p").hints_revealed == 2
    assert store.history("b", "p").hints_revealed == 0
    assert store.histories("a")["p"].hints_revealed == 2


def test_concurrent_attempts_are_all_recorded_once(store):
    def work(i):
        for _ in range(20):
            store.record_attempt(f"u{i % 3}", "p", "c", "failed", False, 1.0)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(store.history(f"u{i}", "p").attempts for i in range(3)) == 120


def test_unwritable_database_raises_progress_unavailable(tmp_path):
    (tmp_path / "ro").mkdir()
    (tmp_path / "ro" / "p.sqlite").mkdir()  # a directory where the file should be
    with pytest.raises(ProgressUnavailable):
        ProgressStore(tmp_path / "ro" / "p.sqlite").record_attempt(
            "a", "p", "c", "failed", False, 1.0
        )
