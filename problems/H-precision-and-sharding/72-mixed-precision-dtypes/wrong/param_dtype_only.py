# pitfall: Setting param_dtype instead of dtype
class MixedMLP(nnx.Module):
    def __init__(self, d_in, d_hidden, d_out, rngs):
        self.l1 = nnx.Linear(d_in, d_hidden, param_dtype=jnp.bfloat16, rngs=rngs)
        self.l2 = nnx.Linear(d_hidden, d_out, param_dtype=jnp.bfloat16, rngs=rngs)

    def __call__(self, x):
        return self.l2(jax.nn.relu(self.l1(x)))


@nnx.jit
def train_step(model, x, y):
    def loss_fn(model):
        pred = model(x)
        return jnp.mean((pred.astype(jnp.float32) - y) ** 2)

    loss, grads = nnx.value_and_grad(loss_fn)(model)
    return model(x), loss, grads["l1"]["kernel"][...]


def mixed_step(seed, x, y):
    model = MixedMLP(x.shape[-1], 8, y.shape[-1], nnx.Rngs(int(seed)))
    return train_step(model, x, y)
