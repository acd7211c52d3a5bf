def _need(ns):
    if jax.device_count() < 8:
        raise RuntimeError(
            f"These checks need 8 devices, but JAX sees {jax.device_count()}; set "
            "XLA_FLAGS=--xla_force_host_platform_device_count=8 before JAX starts."
        )
    if "dp_train" not in ns:
        raise NameError("dp_train is not defined in your cell")
    return ns["dp_train"]


def _args():
    x = jnp.arange(32.0).reshape(16, 2) / 10
    return jnp.zeros((2, 1)), jnp.zeros((1,)), x, x.sum(axis=1, keepdims=True)


def step_is_a_shard_map_with_a_collective(ns):
    """The training step is a jax.shard_map whose gradients are combined across devices by a collective (pmean lowers to psum)."""
    fn = _need(ns)
    w, b, x, y = _args()
    text = str(jax.make_jaxpr(lambda x: fn(0.0, w, b, x, y, 0.1, 1.0)[0])(x))
    return {"shard_map": "shard_map" in text, "psum": "psum" in text}


def parameters_stay_replicated(ns):
    """After training, w is replicated: every device holds the whole (identical) weight."""
    fn = _need(ns)
    w, b, x, y = _args()
    out = fn(0.0, w, b, x, y, 0.1, 2.0)[0]
    return {
        "fully_replicated": bool(out.sharding.is_fully_replicated),
        "devices": len(out.sharding.device_set),
    }
