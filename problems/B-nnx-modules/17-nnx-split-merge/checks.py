def _built_models(ns):
    """Run weight_soup(1.0, x) with MLP swapped (in the cell's globals) for a subclass that
    remembers each model it builds and that model's weights right after it was built."""
    fn, cls = ns.get("weight_soup"), ns.get("MLP")
    if fn is None or cls is None:
        raise NameError("weight_soup and MLP must both be defined in your cell")
    built = []

    class Probe(cls):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            at_birth = [np.asarray(v) for v in jax.tree.leaves(nnx.state(self, nnx.Param))]
            built.append((self, at_birth))

    g = fn.__globals__
    g["MLP"] = Probe
    try:
        fn(1.0, jnp.asarray(np.linspace(-1.0, 1.0, 6, dtype=np.float32).reshape(2, 3)))
    finally:
        g["MLP"] = cls
    return built


def models_keep_their_weights(ns):
    """After weight_soup, model_a and model_b still hold the weights they were built with (the soup is a third model; merging and updating did not overwrite them)."""
    kept = []
    for model, at_birth in _built_models(ns)[:2]:
        now = [np.asarray(v) for v in jax.tree.leaves(nnx.state(model, nnx.Param))]
        kept.append(len(now) == len(at_birth) and all(np.array_equal(a, b) for a, b in zip(now, at_birth)))
    return kept
