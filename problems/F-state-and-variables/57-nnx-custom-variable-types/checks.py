def _tracked(ns):
    for name in ("Tracked", "Count"):
        if name not in ns:
            raise NameError(f"{name} is not defined in your cell")
    return ns["Tracked"](2, 3, nnx.Rngs(0))


def calls_is_a_count_variable(ns):
    """Tracked.calls is a Count, which is an nnx.Variable but not an nnx.Param."""
    calls = getattr(_tracked(ns), "calls", None)
    return [
        isinstance(calls, ns["Count"]),
        isinstance(calls, nnx.Variable),
        isinstance(calls, nnx.Param),
    ]


def count_type_selects_only_counters(ns):
    """nnx.state(tracked, Count) holds exactly one element, and nnx.state(tracked, nnx.Param) none of the counter."""
    tracked = _tracked(ns)
    tracked(jnp.ones((1, 2)))
    counts = jax.tree.leaves(nnx.state(tracked, ns["Count"]))
    params = jax.tree.leaves(nnx.state(tracked, nnx.Param))
    return [sum(x.size for x in counts), sum(x.size for x in params)]


def count_is_no_builtin_kind(ns):
    """Count derives from nnx.Variable itself: Tracked.calls is no nnx.BatchStat, nnx.Param, nnx.RngState or nnx.Intermediate, so their filters never select it."""
    calls = getattr(_tracked(ns), "calls", None)
    return [isinstance(calls, kind)
            for kind in (nnx.BatchStat, nnx.Param, nnx.RngState, nnx.Intermediate)]
