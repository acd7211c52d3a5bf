def uses_shard_map_and_psum(ns):
    """global_stats runs a jax.shard_map whose blocks are combined with a psum over devices."""
    if jax.device_count() < 8:
        raise RuntimeError(
            f"These checks need 8 devices, but JAX sees {jax.device_count()}; set "
            "XLA_FLAGS=--xla_force_host_platform_device_count=8 before JAX starts."
        )
    if "global_stats" not in ns:
        raise NameError("global_stats is not defined in your cell")
    text = str(jax.make_jaxpr(lambda v: ns["global_stats"](0.0, v))(jnp.ones((16, 3))))
    return {"shard_map": "shard_map" in text, "psum": "psum" in text}
