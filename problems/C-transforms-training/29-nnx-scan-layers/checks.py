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


def scan_count(ns):
    """scan_layers runs its layers inside exactly one scan (no Python loop over the layers)."""
    rng = np.random.default_rng(0)
    ws = jnp.asarray(rng.normal(size=(3, 2, 2)).astype(np.float32))
    bs = jnp.asarray(rng.normal(size=(3, 2)).astype(np.float32))
    x = jnp.asarray(rng.normal(size=(4, 2)).astype(np.float32))
    closed = jax.make_jaxpr(lambda ws, bs, x: ns["scan_layers"](0.0, ws, bs, x))(ws, bs, x)
    return _primitive_names(closed.jaxpr, []).count("scan")
