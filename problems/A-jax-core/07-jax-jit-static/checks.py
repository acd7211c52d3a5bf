def pool_is_jitted(ns):
    """`pool` is defined at the top level of the cell and wrapped in jax.jit."""
    pool = ns.get("pool")
    return callable(pool) and callable(getattr(pool, "lower", None))
