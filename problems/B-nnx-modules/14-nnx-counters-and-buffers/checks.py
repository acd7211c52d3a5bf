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
    """counter_after_n_calls(0.0, 4.0) calls a StepCounter exactly 4 times."""
    cls = _step_counter(ns)
    if "counter_after_n_calls" not in ns:
        raise NameError("counter_after_n_calls is not defined in your cell")
    original = cls.__call__
    calls = [0]

    def counting_call(self, *args, **kwargs):
        calls[0] += 1
        return original(self, *args, **kwargs)

    cls.__call__ = counting_call
    try:
        ns["counter_after_n_calls"](0.0, 4.0)
    finally:
        cls.__call__ = original
    return calls[0]


def step_stays_a_variable(ns):
    """After three calls, StepCounter.step is still an nnx.Variable (and not an nnx.Param)."""
    counter = _step_counter(ns)(rngs=nnx.Rngs(0))
    for _ in range(3):
        counter()
    step = getattr(counter, "step", None)
    return isinstance(step, nnx.Variable) and not isinstance(step, nnx.Param)
