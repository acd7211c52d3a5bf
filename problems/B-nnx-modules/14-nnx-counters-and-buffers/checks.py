def _step_counter(ns):
    if "StepCounter" not in ns:
        raise NameError("StepCounter is not defined in your cell")
    return ns["StepCounter"]


def counter_param_leaves(ns):
    """StepCounter keeps its counter in an nnx.Variable, not an nnx.Param (it has no Param leaves)."""
    counter = _step_counter(ns)(rngs=nnx.Rngs(0))
    return len(jax.tree.leaves(nnx.state(counter, nnx.Param)))


def step_after_three_calls(ns):
    """A fresh StepCounter called three times has step == 3.0."""
    counter = _step_counter(ns)(rngs=nnx.Rngs(0))
    for _ in range(3):
        counter()
    return float(counter.step[...])


def calls_made_by_function(ns):
    """counter_after_n_calls(0.0, 4.0) builds one StepCounter and calls it 4 times: its step ends at 4.0."""
    cls = _step_counter(ns)
    fn = ns.get("counter_after_n_calls")
    if fn is None:
        raise NameError("counter_after_n_calls is not defined in your cell")
    built = []

    class Probe(cls):
        # swapped in for StepCounter in the cell's globals: it remembers every counter built,
        # so the check reads the counter's state after the call (a count of Python calls
        # would miss the calls that nnx.jit replays from compiled code)
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            built.append(self)

    g = fn.__globals__
    g["StepCounter"] = Probe
    try:
        fn(0.0, 4.0)
    finally:
        g["StepCounter"] = cls
    return [float(c.step[...]) for c in built]


def step_stays_a_variable(ns):
    """After three calls, StepCounter.step is still an nnx.Variable (and not an nnx.Param)."""
    counter = _step_counter(ns)(rngs=nnx.Rngs(0))
    for _ in range(3):
        counter()
    step = getattr(counter, "step", None)
    return isinstance(step, nnx.Variable) and not isinstance(step, nnx.Param)
