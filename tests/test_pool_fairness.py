"""Who gets a freed worker: round robin between users, first come first served within a user."""

from types import SimpleNamespace

import pytest

from jaxlings.harness.pool import FRESH, REFERENCE, Busy, User, WorkerPool

ANN, BOB, CY = User("ann"), User("bob"), User("cy")


def worker(owner, trusted=False):
    return SimpleNamespace(owner=owner, trusted=trusted)


def test_a_fresh_worker_goes_to_the_user_served_longest_ago():
    pool = WorkerPool(max_workers=3, spare=1, sandbox=False)  # no worker is started
    t1, t2, t3 = object(), object(), object()
    pool._waiting.update({t1: ANN, t2: ANN, t3: BOB})
    assert pool._next_claim_locked(worker(FRESH)) is t1  # nobody served yet: the oldest waiter
    pool._served[ANN] = 5  # ann was just served: bob's turn, though he came later
    assert pool._next_claim_locked(worker(FRESH)) is t3


def test_a_users_own_worker_goes_back_to_that_user():
    pool = WorkerPool(max_workers=3, spare=1, sandbox=False, share_workers=False)
    t1, t2 = object(), object()
    pool._waiting.update({t1: BOB, t2: ANN})
    assert pool._next_claim_locked(worker(ANN)) is t2
    assert pool._next_claim_locked(worker(CY)) is None  # unshared: nobody else may take it


def test_learners_never_get_trusted_or_reference_workers():
    pool = WorkerPool(max_workers=3, spare=1, sandbox=False)
    t1, t2 = object(), object()
    pool._waiting.update({t1: ANN, t2: REFERENCE})
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
