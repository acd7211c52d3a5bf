"""A worker above its memory bound drops JAX's caches after a job, and stays correct and reusable."""

from __future__ import annotations

import time

from jaxlings.checker import Checker
from jaxlings.harness.pool import User, WorkerPool


def test_worker_that_clears_its_caches_after_every_job_still_passes_and_is_reused(
    monkeypatch, small_bank, tmp_path
):
    monkeypatch.setenv("JAXLINGS_WORKER_CLEAR_CACHES_MB", "1")  # every worker is "too large"
    pool = WorkerPool(
        max_workers=2,
        spare=1,
        compile_cache_dir=tmp_path / "xla-cache",
        log_path=tmp_path / "workers.log",
    )
    pool.prefill()
    try:
        checker = Checker(pool, tmp_path / "expected")
        for name in ("nnx-ema-step", "nnx-counters-and-buffers"):
            p = small_bank.get(name)
            for _ in range(3):
                r = checker.check(p, p.solution, "memory-tester")
                assert r["passed"], r
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            mine = [w for w in pool._idle if w.owner == User("memory-tester")]
            if mine:
                break
            time.sleep(0.05)
        assert mine and max(w.jobs for w in mine) >= 3, [(w.owner, w.jobs) for w in pool._idle]
    finally:
        pool.close()
