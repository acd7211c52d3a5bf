def _need(ns, name):
    if name not in ns:
        raise NameError(f"{name} is not defined in your cell")
    return ns[name]


def train_step_traced_once(ns):
    """train_step is compiled with nnx.jit: calls after the first, with the same shapes, do not run its Python body again."""
    cls = _need(ns, "MLP")
    calls = [0]
    original = cls.__call__

    def counting_call(self, *args, **kwargs):
        calls[0] += 1
        return original(self, *args, **kwargs)

    cls.__call__ = counting_call
    try:
        model = cls(2, rngs=nnx.Rngs(0))
        optimizer = nnx.Optimizer(model, optax.adam(1e-2), wrt=nnx.Param)
        x, y = jnp.ones((4, 2)), jnp.zeros((4, 1))
        step = _need(ns, "train_step")
        step(model, optimizer, x, y)
        after_first = calls[0]
        step(model, optimizer, x, y)
        step(model, optimizer, x, y)
    finally:
        cls.__call__ = original
    return after_first > 0 and calls[0] == after_first


def one_nnx_optimizer(ns):
    """fit_regression builds exactly one nnx.Optimizer for the whole run."""
    built = [0]
    original = nnx.Optimizer.__init__

    def counting_init(self, *args, **kwargs):
        built[0] += 1
        return original(self, *args, **kwargs)

    nnx.Optimizer.__init__ = counting_init
    try:
        # the shapes of the cases (batches of 16, a test set of 64): nothing new to compile
        x = jnp.linspace(-1, 1, 64).reshape(32, 2)
        x_test = jnp.linspace(-1, 1, 128).reshape(64, 2)
        _need(ns, "fit_regression")(0.0, x, x[:, :1], x_test, x_test[:, :1], 1.0, 16.0)
    finally:
        nnx.Optimizer.__init__ = original
    return built[0]
