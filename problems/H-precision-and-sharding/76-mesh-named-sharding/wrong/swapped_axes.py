# pitfall: Swapping the axis names
def need_devices(n):
    """Stop with a sentence when JAX sees fewer than n devices."""
    if jax.device_count() < n:
        raise RuntimeError(
            f"This problem lays arrays out over {n} devices, but JAX sees {jax.device_count()}. "
            "Set XLA_FLAGS=--xla_force_host_platform_device_count=8 before JAX starts "
            "(the jaxlings checkers do), then restart the kernel."
        )


def place_batch_and_weights(seed, x, w):
    need_devices(8)
    mesh = jax.make_mesh((4, 2), ("data", "model"))
    x_placed = jax.device_put(x, jax.NamedSharding(mesh, jax.P("model", None)))
    w_placed = jax.device_put(w, jax.NamedSharding(mesh, jax.P(None, "data")))
    return x_placed, w_placed
