_REMAT_NAMES = ("remat2", "remat", "checkpoint")


def _primitive_names(jaxpr, out):
    for eqn in jaxpr.eqns:
        out.append(eqn.primitive.name)
        for param in eqn.params.values():
            for sub in (param if isinstance(param, (tuple, list)) else [param]):
                if hasattr(sub, "eqns"):
                    _primitive_names(sub, out)
                elif hasattr(getattr(sub, "jaxpr", None), "eqns"):
                    _primitive_names(sub.jaxpr, out)
    return out


def remat_calls_for_three_blocks(ns):
    """On a network of three blocks, each block is rematerialised on its own (three remat calls)."""
    rng = np.random.default_rng(0)
    ws = jnp.asarray(rng.normal(size=(3, 2, 2)).astype(np.float32))
    bs = jnp.asarray(rng.normal(size=(3, 2)).astype(np.float32))
    x = jnp.asarray(rng.normal(size=(4, 2)).astype(np.float32))
    y = jnp.asarray(rng.normal(size=(4, 2)).astype(np.float32))
    fn = ns["remat_loss_and_grads"]
    closed = jax.make_jaxpr(lambda ws, bs, x, y: fn(0.0, ws, bs, x, y))(ws, bs, x, y)
    names = _primitive_names(closed.jaxpr, [])
    return sum(names.count(n) for n in _REMAT_NAMES)
