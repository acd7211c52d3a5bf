"""Checks waiting for a worker are served first come, first served."""

from __future__ import annotations

from types import SimpleNamespace

from jaxlings.harness.pool import SYSTEM, WorkerPool


def test_an_earlier_waiter_that_could_take_the_worker_goes_first():
    pool = WorkerPool(max_workers=3, spare=1, sandbox=False)  # no worker is started
    t1, t2, t3 = object(), object(), object()
    pool._waiting.update({t1: "ann", t2: "bob", t3: "ann"})
    fresh, anns, bobs = (SimpleNamespace(owner=o) for o in (SYSTEM, "ann", "bob"))
    # a fresh worker suits anyone: the oldest waiter has it
    assert not pool._earlier_claim_locked(t1, fresh)
    assert pool._earlier_claim_locked(t2, fresh) and pool._earlier_claim_locked(t3, fresh)
    # a used worker only suits its owner: bob need not wait behind ann for his own worker
    assert not pool._earlier_claim_locked(t2, bobs)
    # ann's second check waits behind her first for her worker
    assert pool._earlier_claim_locked(t3, anns) and not pool._earlier_claim_locked(t1, anns)
