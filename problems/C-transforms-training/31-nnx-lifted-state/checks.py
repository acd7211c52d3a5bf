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


def _program(ns, batches):
    if "lifted_state" not in ns:
        raise NameError("lifted_state is not defined in your cell")
    rng = np.random.default_rng(0)
    xs = jnp.asarray(rng.normal(size=(batches, 4, 3)).astype(np.float32))
    fn = ns["lifted_state"]
    closed = jax.make_jaxpr(lambda xs: fn(0.0, xs))(xs)
    return _primitive_names(closed.jaxpr, [])


def batches_run_inside_one_scan(ns):
    """lifted_state runs the batches with nnx.scan: the traced program holds a scan and is the same for 2 and for 5 batches (a Python loop over the batches repeats the model once per batch)."""
    short, long = _program(ns, 2), _program(ns, 5)
    return {"a scan": "scan" in long, "same program for 2 and 5 batches": short == long}
