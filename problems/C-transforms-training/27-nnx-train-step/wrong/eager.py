# pitfall: Leaving train_step eager
class MLP(nnx.Module):
    def __init__(self, d_in, d_hidden, d_out, rngs):
        self.hidden = nnx.Linear(d_in, d_hidden, rngs=rngs)
        self.out = nnx.Linear(d_hidden, d_out, rngs=rngs)

    def __call__(self, x):
        return self.out(nnx.relu(self.hidden(x)))


def train_step(model, optimizer, metrics, x, y):
    def loss_fn(model):
        return jnp.mean((model(x) - y) ** 2)

    loss, grads = nnx.value_and_grad(loss_fn)(model)
    optimizer.update(model, grads)
    metrics.update(loss=loss)
    return loss


def train_mlp(seed, x, y, n_steps):
    model = MLP(x.shape[1], 8, y.shape[1], rngs=nnx.Rngs(int(seed)))
    optimizer = nnx.Optimizer(model, optax.adam(0.02), wrt=nnx.Param)
    metrics = nnx.metrics.Average("loss")
    losses = [train_step(model, optimizer, metrics, x, y) for _ in range(int(n_steps))]
    return jnp.stack(losses), metrics.compute(), model(x)
