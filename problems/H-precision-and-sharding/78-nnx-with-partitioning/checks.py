def _need8():
    if jax.device_count() < 8:
        raise RuntimeError(
            f"These checks need 8 devices, but JAX sees {jax.device_count()}; set "
            "XLA_FLAGS=--xla_force_host_platform_device_count=8 before JAX starts."
        )


def _spec(a):
    spec = list(getattr(a.sharding, "spec", ()))
    return str(spec + [None] * (a.ndim - len(spec)))


def parameter_layouts(ns):
    """A TPMLP built under a (4, 2) mesh splits up.kernel by columns and down.kernel by rows over "model"; up.bias follows up.kernel."""
    _need8()
    if "TPMLP" not in ns:
        raise NameError("TPMLP is not defined in your cell")
    auto = (jax.sharding.AxisType.Auto, jax.sharding.AxisType.Auto)
    mesh = jax.make_mesh((4, 2), ("data", "model"), axis_types=auto)
    with jax.set_mesh(mesh):
        model = ns["TPMLP"](4, 8, nnx.Rngs(0))
    return {
        "up.kernel": _spec(model.up.kernel[...]),
        "up.bias": _spec(model.up.bias[...]),
        "down.kernel": _spec(model.down.kernel[...]),
        "down.bias": _spec(model.down.bias[...]),
    }


def output_layout(ns):
    """tp_mlp returns its result split by rows over "data" (whole feature vectors per device)."""
    _need8()
    if "tp_mlp" not in ns:
        raise NameError("tp_mlp is not defined in your cell")
    out = ns["tp_mlp"](0.0, jnp.ones((8, 4)))
    return {"spec": _spec(out), "per_device_shape": str(out.sharding.shard_shape(out.shape))}
