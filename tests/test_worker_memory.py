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


def test_eager_higher_order_programs_are_kept_for_one_job_only():
    """Each Check's code defines its scan body anew; JAX would keep every such program for good
    (~12 MiB a Check of a scan problem). The worker keeps them for the job that made them."""
    import jax
    import jax.numpy as jnp
    from jax._src import dispatch

    from jaxlings.harness import worker

    jax_cache = dispatch.xla_primitive_callable
    per_job = worker._forget_higher_order_programs()
    assert per_job is not None, "this JAX has no xla_primitive_callable to wrap"
    try:

        def check():
            def step(c, x):  # a new closure each time, as in each Check's code
                return c + x, c * x

            return jax.lax.scan(step, 0.0, jnp.arange(3.0))

        x = jnp.arange(3.0) + 1.0  # first-order ops still go to JAX's own cache
        before = jax_cache.cache_info().currsize
        ys = check()[1]
        check()
        assert len(per_job) == 2  # one program per body, held here
        assert jax_cache.cache_info().currsize == before  # and none of them in JAX's cache
        assert ys.tolist() == [0.0, 0.0, 2.0]
        per_job.clear()  # what the worker does after each job
        assert float((x * 2.0).sum()) == 12.0
    finally:
        dispatch.xla_primitive_callable = jax_cache
