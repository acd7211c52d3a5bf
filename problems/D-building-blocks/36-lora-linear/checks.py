import types


def gradients_only_for_the_factors(ns):
    """The gradients passed to optimizer.update hold lora_a and lora_b only: nothing is differentiated for the frozen kernel and bias."""
    fn = ns.get("lora_linear")
    if fn is None:
        raise NameError("lora_linear is not defined in your cell")
    real = fn.__globals__.get("nnx", nnx)
    seen = []

    class Probe(real.Optimizer):
        def update(self, model, grads, **kwargs):
            flat = nnx.to_flat_state(grads) if isinstance(grads, nnx.State) else []
            seen.append(sorted("/".join(str(k) for k in path) for path, _ in flat))
            return super().update(model, grads, **kwargs)

    view = types.ModuleType("nnx")
    view.__dict__.update(real.__dict__)
    view.Optimizer = Probe
    g = fn.__globals__
    g["nnx"] = view
    try:
        rng = np.random.default_rng(0)
        fn(
            0.0,
            jnp.asarray(rng.normal(size=(2, 3)).astype(np.float32)),
            jnp.asarray(rng.normal(size=(3, 2)).astype(np.float32)),
            jnp.zeros(2),
            jnp.asarray(rng.normal(size=(3, 1)).astype(np.float32)),
            jnp.asarray(rng.normal(size=(1, 2)).astype(np.float32)),
            2.0,
            0.1,
        )
    finally:
        g["nnx"] = real
    return seen
