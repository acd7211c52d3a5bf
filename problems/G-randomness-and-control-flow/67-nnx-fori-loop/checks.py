def loop_traces_body_once(ns):
    """For 9 iterations, Refiner.__call__ runs at most twice in Python: the loop is an nnx.fori_loop, not a Python loop."""
    if "Refiner" not in ns or "refine" not in ns:
        raise NameError("Refiner and refine must both be defined in your cell")
    cls = ns["Refiner"]
    original = cls.__call__
    calls = [0]

    def counting_call(self, *args, **kwargs):
        calls[0] += 1
        return original(self, *args, **kwargs)

    cls.__call__ = counting_call
    try:
        ns["refine"](0.0, jnp.ones((2, 5)), 9.0)
    finally:
        cls.__call__ = original
    return calls[0] <= 2
