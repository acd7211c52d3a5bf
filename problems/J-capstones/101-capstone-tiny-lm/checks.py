def _need(ns, name):
    if name not in ns:
        raise NameError(f"{name} is not defined in your cell")
    return ns[name]


def train_step_traced_once(ns):
    """train_step is compiled with nnx.jit: calls after the first, with the same shapes, do not run its Python body again."""
    cls = _need(ns, "TinyLM")
    calls = [0]
    original = cls.__call__

    def counting_call(self, *args, **kwargs):
        calls[0] += 1
        return original(self, *args, **kwargs)

    cls.__call__ = counting_call
    try:
        model = cls(8, 8, rngs=nnx.Rngs(0))
        optimizer = nnx.Optimizer(model, optax.adam(1e-2), wrt=nnx.Param)
        ids = jnp.tile(jnp.arange(8, dtype=jnp.int32), (4, 1))
        step = _need(ns, "train_step")
        step(model, optimizer, ids)
        after_first = calls[0]
        step(model, optimizer, ids)
        step(model, optimizer, ids)
    finally:
        cls.__call__ = original
    return after_first > 0 and calls[0] == after_first


def one_nnx_optimizer(ns):
    """fit_tiny_lm builds exactly one nnx.Optimizer for the whole run."""
    built = [0]
    original = nnx.Optimizer.__init__

    def counting_init(self, *args, **kwargs):
        built[0] += 1
        return original(self, *args, **kwargs)

    nnx.Optimizer.__init__ = counting_init
    try:
        # the shapes of the cases (batches of 16, 64 test sequences, a prompt of 3, 5 new)
        ids = (jnp.arange(8, dtype=jnp.int32)[None, :] + jnp.arange(64)[:, None]) % 8
        _need(ns, "fit_tiny_lm")(0.0, ids[:32], ids, jnp.array([0, 1, 2], dtype=jnp.int32),
                                 1.0, 16.0, 5.0)
    finally:
        nnx.Optimizer.__init__ = original
    return built[0]
