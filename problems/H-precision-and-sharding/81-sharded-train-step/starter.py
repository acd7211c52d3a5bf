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


@nnx.jit
def train_step(model, optimizer, x, y):
    # value_and_grad of loss_fn, then an optimizer update; return the loss.
    return jnp.array(0.0)


@nnx.jit
def predict(model, x):
    return model(x)


def sharded_training(seed, x, y, lr, n_steps):
    need_devices(8)
    # On a (4, 2) Auto mesh: create Net(d, 8) and nnx.Optimizer(model, optax.adam(lr),
    # wrt=nnx.Param) inside jax.set_mesh, place x and y over "data", run n_steps
    # train steps, and return (losses, predict(model, x_placed)).
    return jnp.zeros(int(n_steps)), jnp.zeros((x.shape[0], 1))
