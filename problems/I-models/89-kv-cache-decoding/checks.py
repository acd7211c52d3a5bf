def _layer(ns, max_len=6):
    if "CachedAttention" not in ns:
        raise NameError("CachedAttention is not defined in your cell")
    w = jnp.eye(4)
    return ns["CachedAttention"](w, w * 0.5, w * 2.0, max_len)


def cache_not_trainable(ns):
    """Only wq, wk and wv are nnx.Params: the cache and the position are not trainable."""
    layer = _layer(ns)
    return sorted(str(tuple(p.shape)) for p in jax.tree.leaves(nnx.state(layer, nnx.Param)))


def one_compile_for_three_tokens(ns):
    """Decoding three tokens through nnx.jit traces the step once: the position is state in a Variable, not a Python number."""
    layer = _layer(ns)
    traces = []

    @nnx.jit
    def step(layer, x_t):
        traces.append(1)  # runs only while tracing
        return layer(x_t)

    for t in range(3):
        step(layer, jnp.full((4,), float(t + 1)))
    return len(traces)
