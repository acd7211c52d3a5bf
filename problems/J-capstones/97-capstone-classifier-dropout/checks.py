def _need(ns, name):
    if name not in ns:
        raise NameError(f"{name} is not defined in your cell")
    return ns[name]


def train_step_traced_once(ns):
    """train_step is compiled with nnx.jit: calls after the first, with the same shapes, do not run its Python body again."""
    cls = _need(ns, "Classifier")
    calls = [0]
    original = cls.__call__

    def counting_call(self, *args, **kwargs):
        calls[0] += 1
        return original(self, *args, **kwargs)

    cls.__call__ = counting_call
    try:
        model = cls(2, 3, rngs=nnx.Rngs(params=0, dropout=1))
        optimizer = nnx.Optimizer(model, optax.adam(1e-2), wrt=nnx.Param)
        x, y = jnp.ones((4, 2)), jnp.zeros((4,), dtype=jnp.int32)
        step = _need(ns, "train_step")
        step(model, optimizer, x, y)
        after_first = calls[0]
        step(model, optimizer, x, y)
        step(model, optimizer, x, y)
    finally:
        cls.__call__ = original
    return after_first > 0 and calls[0] == after_first


def one_nnx_optimizer(ns):
    """fit_classifier builds exactly one nnx.Optimizer for the whole run."""
    built = [0]
    original = nnx.Optimizer.__init__

    def counting_init(self, *args, **kwargs):
        built[0] += 1
        return original(self, *args, **kwargs)

    nnx.Optimizer.__init__ = counting_init
    try:
        # the shapes of the cases (batches of 20, a test set of 60): nothing new to compile
        x = jnp.linspace(-1, 1, 120).reshape(60, 2)
        y = jnp.arange(60, dtype=jnp.int32) % 3
        _need(ns, "fit_classifier")(0.0, x[:40], y[:40], x, y, 1.0, 20.0)
    finally:
        nnx.Optimizer.__init__ = original
    return built[0]
