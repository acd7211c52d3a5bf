"""Who gets a freed worker: one warm for the Check's problem first, then round robin between
users, first come first served within a user."""

import time
from types import SimpleNamespace

import pytest

from jaxlings.harness.pool import FRESH, REFERENCE, Busy, User, WorkerPool

ANN, BOB, CY = User("ann"), User("bob"), User("cy")


class Fake(SimpleNamespace):
    __hash__ = object.__hash__  # (the pool keeps busy workers in a set)


def worker(owner, trusted=False, warm=(), rss=0.0):
    return Fake(
        owner=owner, trusted=trusted, warm=set(warm), dead=False, settled_rss_mb=rss,
        settled_pss_mb=0.0,
    )  # fmt: skip


def waiting(pool, *entries):
    """Queue checks: each entry an owner, or (owner, problem); returns their tickets."""
    tickets = []
    for e in entries:
        owner, tag = e if isinstance(e, tuple) else (e, None)
        t = object()
        pool._waiting[t] = (owner, tag, time.monotonic())
        tickets.append(t)
    return tickets


def test_a_fresh_worker_goes_to_the_user_served_longest_ago():
    pool = WorkerPool(max_workers=3, spare=1, sandbox=False)  # no worker is started
    t1, t2, t3 = waiting(pool, ANN, ANN, BOB)
    assert pool._next_claim_locked(worker(FRESH)) is t1  # nobody served yet: the oldest waiter
    pool._served[ANN] = 5  # ann was just served: bob's turn, though he came later
    assert pool._next_claim_locked(worker(FRESH)) is t3


def test_a_users_own_worker_goes_back_to_that_user():
    pool = WorkerPool(max_workers=3, spare=1, sandbox=False, share_workers=False)
    t1, t2 = waiting(pool, BOB, ANN)
    assert pool._next_claim_locked(worker(ANN)) is t2
    assert pool._next_claim_locked(worker(CY)) is None  # unshared: nobody else may take it


def test_learners_never_get_trusted_or_reference_workers():
    pool = WorkerPool(max_workers=3, spare=1, sandbox=False)
    t1, t2 = waiting(pool, ANN, REFERENCE)
    assert pool._next_claim_locked(worker(REFERENCE, trusted=True)) is t2
    assert pool._next_claim_locked(worker(REFERENCE)) is t2
    assert pool._next_claim_locked(worker(FRESH)) is t1
    pool._waiting.pop(t2)
    assert pool._next_claim_locked(worker(REFERENCE)) is None


def test_a_user_with_two_checks_in_flight_is_told_to_wait():
    pool = WorkerPool(max_workers=3, spare=1, sandbox=False, per_user_in_flight=2)
    pool._in_flight[ANN] = 2
    with pytest.raises(Busy):
        pool.run({"op": "check"}, "ann", 1.0, 100.0, queue_timeout_s=0.1)


def test_a_worker_warm_for_a_problem_goes_to_a_check_of_that_problem():
    pool = WorkerPool(max_workers=3, spare=1, sandbox=False)
    pool.share_workers = True  # (a jailed pool's setting; no worker is started here)
    t1, t2 = waiting(pool, (ANN, "scan"), (BOB, "grad"))
    assert pool._next_claim_locked(worker(CY, warm={"grad"})) is t2  # bob came later
    assert pool._next_claim_locked(worker(CY)) is t1  # warm for neither: the oldest


def test_a_check_holds_out_for_its_busy_warm_worker_then_takes_a_cold_one():
    pool = WorkerPool(max_workers=3, spare=1, sandbox=False, warm_wait_s=3.0)
    pool.share_workers = True
    pool._busy.add(worker(BOB, warm={"scan"}))
    (t1,) = waiting(pool, (ANN, "scan"))
    cold = worker(CY, warm={"grad"})
    since = pool._waiting[t1][2]
    assert pool._next_claim_locked(cold, since + 1.0) is None  # a warm Check takes tens of ms
    assert pool._next_claim_locked(cold, since + 3.5) is t1  # it did not free: compile here


def test_the_memory_budget_sets_where_a_worker_clears_its_programs():
    pool = WorkerPool(
        max_workers=3, spare=1, sandbox=False, memory_budget_mb=2000.0, retire_rss_mb=4096.0
    )
    a, b = worker(ANN, rss=700.0), worker(BOB, rss=600.0)
    a.settled_pss_mb, b.settled_pss_mb = 600.0, 500.0
    pool._idle += [a, b]
    assert pool._clear_above_mb(a) == 700.0 + 2000.0 - 1100.0
    b.settled_pss_mb = 1600.0  # the budget is spent: a clears above the floor
    assert pool._clear_above_mb(a) == 512.0
    assert pool._clear_above_mb(worker(REFERENCE, trusted=True)) == 512.0
    b.settled_pss_mb, pool.retire_rss_mb = 0.0, 1000.0  # room, but it would be retired at 1000
    assert pool._clear_above_mb(a) == 900.0
