def need_devices(n):
    """Stop with a sentence when JAX sees fewer than n devices."""
    if jax.device_count() < n:
        raise RuntimeError(
            f"This problem lays arrays out over {n} devices, but JAX sees {jax.device_count()}. "
            "Set XLA_FLAGS=--xla_force_host_platform_device_count=8 before JAX starts "
            "(the jaxlings checkers do), then restart the kernel."
        )

def loss_fn(params, x, y):
    return jnp.mean((x @ params["w"] + params["b"] - y) ** 2)


def dp_train(seed, w, b, x, y, lr, n_steps):
    need_devices(8)
    # Replicate the params, split the batch over an 8-device "data" axis, and run
    # int(n_steps) SGD steps of a jax.shard_map step that averages gradients with pmean.
    return w, b, jnp.zeros(int(n_steps))
