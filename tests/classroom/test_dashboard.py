"""The instructors' class view on SQLite and PostgreSQL: aggregates of a known history, the
exports (CSV rows, `jaxlings export`, pseudonyms), the misconception map's pitfall matching on a
real problem, and the migration that keeps each attempt's failing cases."""

from __future__ import annotations

import csv
import io
import json
import time

import pytest
import sqlalchemy as sa

from jaxlings import schema
from jaxlings.cli import main as cli
from jaxlings.dashboard import ATTEMPT_COLUMNS, PROGRESS_COLUMNS, ClassDashboard, to_csv
from jaxlings.pitfalls import Pitfalls, closest, failure_names
from jaxlings.progress import ProgressStore, database_url

EMA = "nnx-ema-step"
COUNTERS = "nnx-counters-and-buffers"
T0 = 1_800_000_000.0  # a fixed start, so times and buckets are known
SWAPPED = ["worked example", "decay 0.0 copies params", "single element"]
ELEMENT = "def ema_step(seed, params_arr, ema_arr, decay):\n    d = float(decay)\n"


@pytest.fixture
def store(database):
    s = ProgressStore(database)
    yield s
    s.close()


def add(store: ProgressStore, user: str, problem: str, at: float, passed: bool, failed=()):
    """One attempt at a known time, as the service records it."""
    status = "passed" if passed else "failed"
    store.record(user, problem, f"# {user} {at}", status, passed, 100.0, failed=failed, at=at)


@pytest.fixture
def history(store):
    """ann solves EMA at her 3rd attempt (after 600 s) and counters at her 1st; bob fails EMA
    twice with the swapped blend's cases; cat solves EMA at once and opens the solution."""
    add(store, "hub:ann", EMA, T0, False, SWAPPED)
    add(store, "hub:ann", EMA, T0 + 300, False, SWAPPED)
    add(store, "hub:ann", EMA, T0 + 600, True)
    add(store, "hub:ann", COUNTERS, T0 + 4000, True)
    add(store, "hub:bob", EMA, T0 + 100, False, SWAPPED)
    add(store, "hub:bob", EMA, T0 + 200, False, ["single element"])
    add(store, "hub:cat", EMA, T0 + 7300, True)
    store.reveal_hint("hub:bob", EMA, 0)
    store.reveal_hint("hub:bob", EMA, 1)
    store.record_solution_view("hub:cat", EMA)
    return store


def test_the_overview_matrix_and_learner_views_add_up_a_known_history(
    history, small_bank, tmp_path
):
    dash = ClassDashboard(small_bank, history, tmp_path)
    o = dash.overview()
    learners = {lr["user"]: lr for lr in o["learners"]}
    assert learners["ann"] == {
        "user": "ann",
        "solved": 2,
        "attempted": 2,
        "attempts": 4,
        "last_active": T0 + 4000,
    }
    assert (learners["bob"]["solved"], learners["bob"]["attempts"]) == (0, 2)
    ema = next(p for p in o["problems"] if p["id"] == EMA)
    assert ema["started"] == 3 and ema["solved"] == 2 and ema["solve_rate"] == pytest.approx(2 / 3)
    assert ema["median_attempts_to_solve"] == 2.0  # ann 3, cat 1
    assert ema["median_time_to_solve_s"] == 300.0  # ann 600 s, cat 0 s
    assert (ema["hints_revealed"], ema["solutions_revealed"]) == (2, 1)
    sprint = next(s for s in o["sprints"] if s["key"] == "B")
    assert sprint == {
        "key": "B",
        "title": sprint["title"],
        "problems": 2,
        "started": 3,
        "solved": 1,
    }

    m = dash.matrix()
    assert m["learners"] == ["ann", "bob", "cat"]
    row = dict(zip(m["problems"], m["cells"][1], strict=True))
    assert row == {COUNTERS: "new", EMA: "attempted"}

    add(history, "hub:dan", COUNTERS, T0 + 11000, True)  # the heatmap follows new records
    assert dash.matrix()["learners"][-1] == "dan" and "solved" in dash.matrix()["cells"][-1]

    bob = {p["id"]: p for p in dash.learner("bob")["problems"]}
    assert bob[EMA] == {"id": EMA, "status": "attempted", "attempts": 2, "last_at": T0 + 200}
    assert dash.latest("ann", small_bank.get(EMA))["status"] == "passed"

    act = dash.activity(3600)
    assert act["bucket_s"] == 3600
    assert [p["attempts"] for p in act["points"]] == [5, 1, 1, 1]  # empty hours are zeros
    assert sum(p["passed"] for p in act["points"]) == 4


def test_the_problem_view_counts_failures_and_names_pitfalls(history, small_bank, tmp_path):
    p = small_bank.get(EMA)
    sigs = {
        "swapped_blend": frozenset(SWAPPED),
        "returns_old_average": frozenset(c.name for c in p.cases),
    }
    from jaxlings.pitfalls import Signature

    known = [Signature(f, f, "", s) for f, s in sigs.items()]
    detail = ClassDashboard(small_bank, history, tmp_path, signatures=lambda _p: known).problem(p)
    assert detail["attempts"] == 6 and detail["attempts_to_solve"] == [1, 3]
    assert detail["failures"][:2] == [  # most frequent first
        {"name": "single element", "kind": "case", "count": 4},
        {"name": "decay 0.0 copies params", "kind": "case", "count": 3},
    ]
    by_file = {x["file"]: x for x in detail["pitfalls"]}
    assert (by_file["swapped_blend"]["attempts"], by_file["swapped_blend"]["learners"]) == (3, 2)
    assert by_file["integer_decay"]["attempts"] == 0  # listed, never resembled
    assert detail["unlike_any"] == 1 and detail["pitfalls_ready"]
    waiting = ClassDashboard(small_bank, history, tmp_path).problem(p)
    assert not waiting["pitfalls_ready"] and waiting["unlike_any"] == 0


def test_csv_rows_are_the_databases_and_pseudonyms_are_stable(history, small_bank, tmp_path):
    dash = ClassDashboard(small_bank, history, tmp_path)
    rows = list(csv.DictReader(io.StringIO(to_csv(dash.attempt_rows(), ATTEMPT_COLUMNS))))
    assert list(rows[0]) == ATTEMPT_COLUMNS
    with history.engine.connect() as conn:
        stored = conn.execute(sa.select(sa.func.count()).select_from(schema.attempts_t)).scalar()
    assert len(rows) == stored == 7
    assert rows[0] == {
        "user": "ann",
        "problem": EMA,
        "at_iso": "2027-01-15T08:00:00.000+00:00",
        "verdict": "failed",
        "failed_cases": "; ".join(SWAPPED),
        "duration_ms": "100.0",
        "attempt": "1",
    }
    assert [r["attempt"] for r in rows if r["user"] == "ann" and r["problem"] == EMA] == list("123")

    progress = list(csv.DictReader(io.StringIO(to_csv(dash.progress_rows(), PROGRESS_COLUMNS))))
    assert len(progress) == 3 * 2  # every learner on every problem
    bob = next(r for r in progress if r["user"] == "bob" and r["problem"] == EMA)
    assert (bob["status"], bob["attempts"], bob["hints_revealed"], bob["solved_at_iso"]) == (
        "attempted",
        "2",
        "2",
        "",
    )
    cat = next(r for r in progress if r["user"] == "cat" and r["problem"] == EMA)
    assert cat["solution_revealed"] == "1"

    first = [r["user"] for r in dash.attempt_rows(anonymize=True)]
    again = [r["user"] for r in ClassDashboard(small_bank, history, tmp_path).attempt_rows(True)]
    assert first == again and len(set(first)) == 3 and "ann" not in first
    assert all(u.startswith("learner-") for u in first)
    salted = {r["user"] for r in dash.progress_rows(anonymize=True, salt="term-2027")}
    assert salted.isdisjoint(first) and len(salted) == 3


def test_jaxlings_export_writes_the_same_csv(history, small_bank_dir, tmp_path, capsys, database):
    out = tmp_path / "attempts.csv"
    args = ["export", "--db", database, "--problems", str(small_bank_dir)]
    assert cli([*args, "--data-dir", str(tmp_path), "-o", str(out)]) == 0
    rows = list(csv.DictReader(out.open()))
    assert len(rows) == 7 and rows[-1]["user"] == "cat"
    assert cli([*args, "--what", "progress", "--anonymize", "--salt", "s3cret-salt"]) == 0
    first = capsys.readouterr().out
    assert first.splitlines()[0] == ",".join(PROGRESS_COLUMNS) and "ann" not in first
    assert cli([*args, "--what", "progress", "--anonymize", "--salt", "s3cret-salt"]) == 0
    assert capsys.readouterr().out == first


def test_a_wrong_file_submitted_is_named_as_its_pitfall(checker, small_bank, tmp_path):
    p = small_bank.get(EMA)
    pitfalls = Pitfalls(checker, tmp_path / "pitfalls")
    wrong = (p.path / "wrong" / "swapped_blend.py").read_text()
    report = checker.check(p, wrong, "os:learner")
    # not computed yet: the Check is answered without waiting; opening the problem starts them
    assert pitfalls.pitfall_of(p, report) is None
    assert pitfalls.ready(p, start=True) is None
    end = time.monotonic() + 300
    while pitfalls.ready(p) is None and time.monotonic() < end:
        time.sleep(0.5)
    named = pitfalls.pitfall_of(p, report)
    assert named is not None and named["file"] == "swapped_blend"
    assert named["title"] == "Swapped blend" and "weights the wrong array" in named["summary_md"]
    for wf in p.wrong_files():  # each listed pitfall's own code is named as itself
        mine = checker.check(p, wf.read_text(), "os:learner")
        assert pitfalls.pitfall_of(p, mine)["file"] == wf.stem  # type: ignore[index]
    # a different mistake: wrong on the one-element case only
    element = ELEMENT + (
        "    if params_arr.shape[0] == 1:\n        return params_arr\n"
        "    return d * ema_arr + (1.0 - d) * params_arr\n"
    )
    other = checker.check(p, element, "os:learner")
    assert not other["passed"] and failure_names(other) == ["single element"]
    assert pitfalls.pitfall_of(p, other) is None
    # the signatures are cached on disk, authenticated: a second server reads them, a forged
    # file is not believed
    assert Pitfalls(checker, tmp_path / "pitfalls").ready(p) == pitfalls.ready(p)
    (cached,) = (tmp_path / "pitfalls").glob(f"{EMA}-*.json")
    doc = json.loads(cached.read_text())
    doc["payload"]["signatures"][0]["failed"] = ["single element"]
    cached.write_text(json.dumps(doc))
    assert Pitfalls(checker, tmp_path / "pitfalls").ready(p) is None


def test_closest_needs_a_clear_and_close_enough_match():
    from jaxlings.pitfalls import Signature

    a = Signature("a", "A", "", frozenset({"x", "y"}))
    b = Signature("b", "B", "", frozenset({"y", "z"}))
    assert closest(["x", "y"], [a, b]) is a
    assert closest(["x", "y", "w"], [a, b]) is a  # 2/3 ≥ 0.6
    assert closest(["x", "y", "z"], [a, b]) is None  # 2/3 each: a tie between two pitfalls
    assert closest(["w"], [a, b]) is None


def test_migration_keeps_failing_cases_from_stored_results(database):
    """A database at revision 0002 whose attempts kept their CheckResult gets `failed` filled."""
    from alembic import command

    engine = sa.create_engine(database_url(database))
    with engine.begin() as conn:
        command.upgrade(schema.alembic_config(conn), "0002")
        result = {
            "cases": [{"name": "worked example", "passed": False}, {"name": "b", "passed": True}]
        }
        conn.execute(
            sa.text(
                'INSERT INTO attempts ("user", problem, at, code, status, passed, duration_ms, '
                "idempotency_key, result) VALUES ('hub:ann', :p, 1.0, 'c', 'failed', 0, 5.0, "
                "'k-00000001', :r), ('hub:ann', :p, 2.0, 'c', 'failed', 0, 5.0, NULL, NULL)"
            ),
            {"p": EMA, "r": json.dumps(result)},
        )
    engine.dispose()
    store = ProgressStore(database)
    try:
        rows = store.attempt_rows()
        assert [r[4] for r in rows] == ['["worked example"]', None]
        (cell,) = store.class_cells()  # the per learner summary is filled from the old rows
        assert (cell.user, cell.attempts, cell.first_at, cell.solved_at) == (
            "hub:ann",
            2,
            1.0,
            None,
        )
        with store.engine.connect() as conn:
            assert schema.current(conn) == schema.head()
    finally:
        store.close()
