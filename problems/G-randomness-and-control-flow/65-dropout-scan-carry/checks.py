def scan_traces_cell_once(ns):
    """For 9 steps, Cell.__call__ runs at most twice in Python: the time loop is an nnx.scan, not a Python loop."""
    if "Cell" not in ns or "noisy_rollout" not in ns:
        raise NameError("Cell and noisy_rollout must both be defined in your cell")
    cls = ns["Cell"]
    original = cls.__call__
    calls = [0]

    def counting_call(self, *args, **kwargs):
        calls[0] += 1
        return original(self, *args, **kwargs)

    cls.__call__ = counting_call
    try:
        ns["noisy_rollout"](0.0, jnp.ones((9, 2)))
    finally:
        cls.__call__ = original
    return calls[0] <= 2
