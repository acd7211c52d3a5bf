def train_step_traced_once(ns):
    """train_step is compiled with nnx.jit: three calls with the same shapes run its Python body only once."""
    calls = []

    class _Probe(nnx.Module):
        def __init__(self):
            self.w = nnx.Param(jnp.ones((2, 1)))

        def __call__(self, x):
            calls.append(1)  # a Python side effect: runs only while the step is traced
            return x @ self.w[...]

    model = _Probe()
    optimizer = nnx.Optimizer(model, optax.sgd(0.1), wrt=nnx.Param)
    metrics = nnx.metrics.Average("loss")
    x, y = jnp.ones((3, 2)), jnp.zeros((3, 1))
    ns["train_step"](model, optimizer, metrics, x, y)
    after_first = len(calls)
    ns["train_step"](model, optimizer, metrics, x, y)
    ns["train_step"](model, optimizer, metrics, x, y)
    return after_first > 0 and len(calls) == after_first
