def _primitive_names(jaxpr, out):
    for eqn in jaxpr.eqns:
        out.append(eqn.primitive.name)
        for param in eqn.params.values():
            for sub in param if isinstance(param, (tuple, list)) else [param]:
                if hasattr(sub, "eqns"):
                    _primitive_names(sub, out)
                elif hasattr(getattr(sub, "jaxpr", None), "eqns"):
                    _primitive_names(sub.jaxpr, out)
    return out


def _program(ns, n_iters):
    if "spectral_norm" not in ns:
        raise NameError("spectral_norm is not defined in your cell")
    rng = np.random.default_rng(0)
    W = jnp.asarray(rng.normal(size=(4, 3)).astype(np.float32))
    v0 = jnp.asarray(rng.normal(size=3).astype(np.float32))
    fn = ns["spectral_norm"]
    closed = jax.make_jaxpr(lambda W, v0: fn(0.0, W, v0, n_iters))(W, v0)
    return _primitive_names(closed.jaxpr, [])


def iterations_inside_one_loop(ns):
    """spectral_norm runs its iterations inside jax.lax.fori_loop: the traced program is the same for 2 and 6 iterations (a Python loop repeats the step once per iteration)."""
    short, long = _program(ns, 2.0), _program(ns, 6.0)
    return {
        "a compiled loop (while or scan)": "while" in long or "scan" in long,
        "same program for 2 and 6 iterations": short == long,
    }
