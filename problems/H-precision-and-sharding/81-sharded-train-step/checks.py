def _need8():
    if jax.device_count() < 8:
        raise RuntimeError(
            f"These checks need 8 devices, but JAX sees {jax.device_count()}; set "
            "XLA_FLAGS=--xla_force_host_platform_device_count=8 before JAX starts."
        )


def _spec(a):
    spec = list(getattr(a.sharding, "spec", ()))
    return str(spec + [None] * (a.ndim - len(spec)))


def predictions_split_over_data(ns):
    """The predictions come back split by rows over "data": the batch was sharded, not replicated."""
    _need8()
    if "sharded_training" not in ns:
        raise NameError("sharded_training is not defined in your cell")
    x = jnp.arange(32.0).reshape(8, 4) / 10
    _, preds = ns["sharded_training"](0.0, x, x.sum(axis=1, keepdims=True), 0.05, 1.0)
    return _spec(preds)


def step_keeps_layouts(ns):
    """After one train_step, up.kernel is still split by columns over "model" and Adam's first moment for it has the same layout."""
    _need8()
    for name in ("Net", "train_step"):
        if name not in ns:
            raise NameError(f"{name} is not defined in your cell")
    auto = (jax.sharding.AxisType.Auto, jax.sharding.AxisType.Auto)
    mesh = jax.make_mesh((4, 2), ("data", "model"), axis_types=auto)
    batch = jax.NamedSharding(mesh, jax.P("data", None))
    with jax.set_mesh(mesh):
        model = ns["Net"](4, 8, nnx.Rngs(0))
        optimizer = nnx.Optimizer(model, optax.adam(0.01), wrt=nnx.Param)
        x = jax.device_put(jnp.ones((8, 4)), batch)
        ns["train_step"](model, optimizer, x, jax.device_put(jnp.ones((8, 1)), batch))
    mu = optimizer.opt_state[0].mu["up"]["kernel"][...]
    return {"up.kernel": _spec(model.up.kernel[...]), "adam mu of up.kernel": _spec(mu),
            "down.kernel": _spec(model.down.kernel[...])}
