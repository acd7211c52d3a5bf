def _need(ns, name):
    if name not in ns:
        raise NameError(f"{name} is not defined in your cell")
    return ns[name]


def ema_update_blends_into_a_separate_model(ns):
    """ema_update(ema, model, 0.75) moves only ema's Params, to 0.75 * ema + 0.25 * model; model is unchanged."""
    den = _need(ns, "Denoiser")
    model, ema = den(2, rngs=nnx.Rngs(0)), den(2, rngs=nnx.Rngs(1))
    before_m = [p.copy() for p in jax.tree.leaves(nnx.state(model, nnx.Param))]
    before_e = [p.copy() for p in jax.tree.leaves(nnx.state(ema, nnx.Param))]
    _need(ns, "ema_update")(ema, model, 0.75)
    after_m = jax.tree.leaves(nnx.state(model, nnx.Param))
    after_e = jax.tree.leaves(nnx.state(ema, nnx.Param))
    model_same = all(bool(jnp.array_equal(a, b)) for a, b in zip(before_m, after_m))
    blended = all(bool(jnp.allclose(e, 0.75 * e0 + 0.25 * m, atol=1e-6))
                  for e, e0, m in zip(after_e, before_e, before_m))
    return {"model unchanged": model_same, "ema blended": blended}


def train_step_traced_once(ns):
    """train_step is compiled with nnx.jit: the second and third calls with the same shapes are not traced again."""
    traces = []

    class _Probe(nnx.Module):
        def __init__(self):
            self.w = nnx.Param(jnp.ones((3, 2)))

        def __call__(self, x_t, t_frac):
            traces.append(1)  # runs only while tracing
            return jnp.concatenate([x_t, t_frac[:, None]], axis=-1) @ self.w[...]

    model, ema = _Probe(), _Probe()
    optimizer = nnx.Optimizer(model, optax.adam(1e-2), wrt=nnx.Param)
    alphas_bar = jnp.cumprod(1.0 - jnp.linspace(1e-4, 0.02, 10))
    x0, t, noise = jnp.ones((4, 2)), jnp.array([0, 3, 5, 9]), jnp.full((4, 2), 0.5)
    step = _need(ns, "train_step")
    step(model, ema, optimizer, x0, t, noise, alphas_bar, 0.9)
    after_first = len(traces)
    step(model, ema, optimizer, x0, t, noise, alphas_bar, 0.9)
    step(model, ema, optimizer, x0, t, noise, alphas_bar, 0.9)
    return after_first > 0 and len(traces) == after_first
