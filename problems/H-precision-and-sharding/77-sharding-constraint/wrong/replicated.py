# pitfall: Replicating everything
def need_devices(n):
    """Stop with a sentence when JAX sees fewer than n devices."""
    if jax.device_count() < n:
        raise RuntimeError(
            f"This problem lays arrays out over {n} devices, but JAX sees {jax.device_count()}. "
            "Set XLA_FLAGS=--xla_force_host_platform_device_count=8 before JAX starts "
            "(the jaxlings checkers do), then restart the kernel."
        )

def row_softmax(seed, x, w):
    need_devices(8)
    mesh = jax.make_mesh((4, 2), ("data", "model"), axis_types=(jax.sharding.AxisType.Auto, jax.sharding.AxisType.Auto))
    xs = jax.device_put(x, jax.NamedSharding(mesh, jax.P("data", None)))
    ws = jax.device_put(w, jax.NamedSharding(mesh, jax.P(None, "model")))

    @jax.jit
    def forward(x, w):
        logits = x @ w
        logits = jax.lax.with_sharding_constraint(logits, jax.NamedSharding(mesh, jax.P()))
        return jax.nn.softmax(logits, axis=-1)

    return forward(xs, ws)
