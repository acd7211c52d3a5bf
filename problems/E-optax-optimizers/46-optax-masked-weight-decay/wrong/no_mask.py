# pitfall: Decaying every parameter
class Net(nnx.Module):
    def __init__(self, rngs):
        self.dense = nnx.Linear(3, 4, rngs=rngs)
        self.norm = nnx.LayerNorm(4, rngs=rngs)
        self.head = nnx.Linear(4, 1, rngs=rngs)

    def __call__(self, x):
        return self.head(nnx.relu(self.norm(self.dense(x))))


def decay_mask(params):
    # decay matrices only: biases and LayerNorm scales/offsets are 1-D
    return jax.tree.map(lambda p: p.ndim > 1, params)


def adamw_masked(seed, x, y, lr, weight_decay, n_steps):
    model = Net(nnx.Rngs(int(seed)))
    tx = optax.adamw(float(lr), weight_decay=float(weight_decay))
    optimizer = nnx.Optimizer(model, tx, wrt=nnx.Param)

    def loss_fn(model):
        return jnp.mean((model(x) - y) ** 2)

    losses = []
    for _ in range(int(n_steps)):
        loss, grads = nnx.value_and_grad(loss_fn)(model)
        optimizer.update(model, grads)
        losses.append(loss)
    return (jnp.stack(losses), model.dense.kernel[...], model.dense.bias[...],
            model.norm.scale[...], model.head.kernel[...])
