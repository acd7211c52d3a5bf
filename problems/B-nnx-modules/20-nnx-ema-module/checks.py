def _ema(ns):
    if "EMA" not in ns:
        raise NameError("EMA is not defined in your cell")
    return ns["EMA"]


def ema_param_leaves(ns):
    """EMA keeps its average and count in nnx.Variables: EMA(3, 0.9) has no nnx.Param leaves."""
    ema = _ema(ns)(3, 0.9)
    return len(jax.tree.leaves(nnx.state(ema, nnx.Param)))


def two_updates(ns):
    """EMA(2, 0.5) after update([2, 2]) and update([4, 4]) holds average [2.5, 2.5]; debiased() is [3.333, 3.333]."""
    ema = _ema(ns)(2, 0.5)
    ema.update(jnp.array([2.0, 2.0]))
    ema.update(jnp.array([4.0, 4.0]))
    return [np.asarray(ema.average[...]), np.asarray(ema.debiased())]


def state_shapes(ns):
    """After one update, EMA(3, 0.9)'s state is two Variables: average of shape (3,) and count of shape ()."""
    ema = _ema(ns)(3, 0.9)
    ema.update(jnp.ones(3))
    return sorted(str(tuple(leaf.shape)) for leaf in jax.tree.leaves(nnx.state(ema)))
