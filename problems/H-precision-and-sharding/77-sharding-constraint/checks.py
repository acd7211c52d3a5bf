def _result(ns):
    if jax.device_count() < 8:
        raise RuntimeError(
            f"These checks need 8 devices, but JAX sees {jax.device_count()}; set "
            "XLA_FLAGS=--xla_force_host_platform_device_count=8 before JAX starts."
        )
    if "row_softmax" not in ns:
        raise NameError("row_softmax is not defined in your cell")
    return ns["row_softmax"](0.0, jnp.ones((8, 4)), jnp.ones((4, 6)))


def output_layout(ns):
    """The probabilities come back split by rows over "data" only: whole rows on each device of a 4 x 2 mesh."""
    out = _result(ns)
    s = out.sharding
    spec = list(getattr(s, "spec", ()))
    spec += [None] * (out.ndim - len(spec))
    mesh = getattr(s, "mesh", None)
    return {
        "spec": str(spec),
        "mesh": str(dict(mesh.shape)) if mesh is not None else "no mesh",
        "per_device_shape": str(s.shard_shape(out.shape)),
    }
