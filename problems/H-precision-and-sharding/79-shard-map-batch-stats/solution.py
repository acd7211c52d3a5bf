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

    def local(xb):
        n = jax.lax.psum(xb.shape[0], "data")
        mean = jax.lax.psum(xb.sum(axis=0), "data") / n
        var = jax.lax.psum(((xb - mean) ** 2).sum(axis=0), "data") / n
        return mean, var

    stats = jax.shard_map(local, mesh=mesh, in_specs=jax.P("data"), out_specs=(jax.P(), jax.P()))
    return jax.jit(stats)(xs)
