def need_devices(n):
    """Stop with a sentence when JAX sees fewer than n devices."""
    if jax.device_count() < n:
        raise RuntimeError(
            f"This problem lays arrays out over {n} devices, but JAX sees {jax.device_count()}. "
            "Set XLA_FLAGS=--xla_force_host_platform_device_count=8 before JAX starts "
            "(the jaxlings checkers do), then restart the kernel."
        )

def sharded(init, spec):
    return nnx.with_partitioning(init, spec)


class TPMLP(nnx.Module):
    def __init__(self, d, h, rngs):
        lecun, zeros = nnx.initializers.lecun_normal(), nnx.initializers.zeros_init()
        self.up = nnx.Linear(d, h, kernel_init=sharded(lecun, (None, "model")),
                             bias_init=sharded(zeros, ("model",)), rngs=rngs)
        self.down = nnx.Linear(h, d, kernel_init=sharded(lecun, ("model", None)),
                               bias_init=sharded(zeros, (None,)), rngs=rngs)

    def __call__(self, x):
        return self.down(jax.nn.relu(self.up(x)))


@nnx.jit
def forward(model, x):
    return model(x)


def tp_mlp(seed, x):
    need_devices(8)
    mesh = jax.make_mesh((4, 2), ("data", "model"), axis_types=(jax.sharding.AxisType.Auto, jax.sharding.AxisType.Auto))
    with jax.set_mesh(mesh):
        model = TPMLP(x.shape[-1], 8, nnx.Rngs(int(seed)))
        xs = jax.device_put(x, jax.NamedSharding(mesh, jax.P("data", None)))
        return forward(model, xs)
