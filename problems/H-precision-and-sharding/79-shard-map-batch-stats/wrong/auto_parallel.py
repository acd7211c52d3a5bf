# pitfall: Letting jit do it
def need_devices(n):
    """Stop with a sentence when JAX sees fewer than n devices."""
    if jax.device_count() < n:
        raise RuntimeError(
            f"This problem lays arrays out over {n} devices, but JAX sees {jax.device_count()}. "
            "Set XLA_FLAGS=--xla_force_host_platform_device_count=8 before JAX starts "
            "(the jaxlings checkers do), then restart the kernel."
        )

def global_stats(seed, x):
    need_devices(8)
    mesh = jax.make_mesh((8,), ("data",))
    xs = jax.device_put(x, jax.NamedSharding(mesh, jax.P("data")))
    return jax.jit(lambda v: (v.mean(axis=0), v.var(axis=0)))(xs)
