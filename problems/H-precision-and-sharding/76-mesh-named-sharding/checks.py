def _placed(ns):
    if jax.device_count() < 8:
        raise RuntimeError(
            f"These checks need 8 devices, but JAX sees {jax.device_count()}; set "
            "XLA_FLAGS=--xla_force_host_platform_device_count=8 before JAX starts."
        )
    if "place_batch_and_weights" not in ns:
        raise NameError("place_batch_and_weights is not defined in your cell")
    return ns["place_batch_and_weights"](0.0, jnp.ones((8, 4)), jnp.ones((4, 8)))


def _layout(a):
    s = a.sharding
    spec = getattr(s, "spec", None)
    names = list(spec) + [None] * (a.ndim - len(spec)) if spec is not None else None
    mesh = getattr(s, "mesh", None)
    return {
        "spec": str(names),
        "mesh": str(dict(mesh.shape)) if mesh is not None else "no mesh",
        "per_device_shape": str(s.shard_shape(a.shape)),
        "devices": len(s.device_set),
    }


def batch_layout(ns):
    """x comes back split by rows over the "data" axis of a 4 x 2 mesh: each device holds a (2, 4) block."""
    return _layout(_placed(ns)[0])


def weight_layout(ns):
    """w comes back split by columns over the "model" axis of a 4 x 2 mesh: each device holds a (4, 4) block."""
    return _layout(_placed(ns)[1])
