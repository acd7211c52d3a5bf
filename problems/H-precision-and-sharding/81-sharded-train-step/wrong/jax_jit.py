# pitfall: Compiling the step with jax.jit
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


class Net(nnx.Module):
    def __init__(self, d, h, rngs):
        lecun, zeros = nnx.initializers.lecun_normal(), nnx.initializers.zeros_init()
        self.up = nnx.Linear(d, h, kernel_init=sharded(lecun, (None, "model")),
                             bias_init=sharded(zeros, ("model",)), rngs=rngs)
        self.down = nnx.Linear(h, 1, kernel_init=sharded(lecun, ("model", None)),
                               bias_init=sharded(zeros, (None,)), rngs=rngs)

    def __call__(self, x):
        return self.down(jax.nn.relu(self.up(x)))


def loss_fn(model, x, y):
    return jnp.mean((model(x) - y) ** 2)


@jax.jit
def train_step(model, optimizer, x, y):
    loss, grads = nnx.value_and_grad(loss_fn)(model, x, y)
    optimizer.update(model, grads)
    return loss


@nnx.jit
def predict(model, x):
    return model(x)


def sharded_training(seed, x, y, lr, n_steps):
    need_devices(8)
    auto = (jax.sharding.AxisType.Auto, jax.sharding.AxisType.Auto)
    mesh = jax.make_mesh((4, 2), ("data", "model"), axis_types=auto)
    batch = jax.NamedSharding(mesh, jax.P("data", None))
    with jax.set_mesh(mesh):
        model = Net(x.shape[-1], 8, nnx.Rngs(int(seed)))
        optimizer = nnx.Optimizer(model, optax.adam(float(lr)), wrt=nnx.Param)
        xs, ys = jax.device_put(x, batch), jax.device_put(y, batch)
        losses = [train_step(model, optimizer, xs, ys) for _ in range(int(n_steps))]
        return jnp.stack(losses), predict(model, xs)
