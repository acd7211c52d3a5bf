def _router(ns):
    if "Router" not in ns:
        raise NameError("Router is not defined in your cell")
    return ns["Router"](4, 3, 4.0, rngs=nnx.Rngs(0))


def temperature_is_a_variable(ns):
    """Router.temperature is an nnx.Variable that is not an nnx.Param (annealed, never trained)."""
    t = getattr(_router(ns), "temperature", None)
    return isinstance(t, nnx.Variable) and not isinstance(t, nnx.Param)


def only_the_projection_is_trained(ns):
    """Router's only nnx.Param is the (4, 3) projection kernel."""
    leaves = jax.tree.leaves(nnx.state(_router(ns), nnx.Param))
    return sorted(str(tuple(p.shape)) for p in leaves)


def anneals_under_jit(ns):
    """Under nnx.jit, three calls compile once and the temperature goes 5 -> 4 -> 3 -> 2 (anneal_steps = 4)."""
    router = _router(ns)
    traces = []

    @nnx.jit
    def step(router, x):
        traces.append(1)  # runs only while tracing
        return router(x)

    seen = []
    for _ in range(3):
        step(router, jnp.ones((2, 4)))
        t = router.temperature
        seen.append(float(t[...]) if isinstance(t, nnx.Variable) else float(t))
    return {"traces": len(traces), "temperatures": seen}
