# pitfall: A new optimizer every epoch
class MLP(nnx.Module):
    def __init__(self, d_in, rngs):
        self.l1 = nnx.Linear(d_in, 32, rngs=rngs)
        self.l2 = nnx.Linear(32, 32, rngs=rngs)
        self.out = nnx.Linear(32, 1, rngs=rngs)

    def __call__(self, x):
        return self.out(nnx.relu(self.l2(nnx.relu(self.l1(x)))))


@nnx.jit
def train_step(model, optimizer, x, y):
    def loss_fn(model):
        return jnp.mean((model(x) - y) ** 2)

    loss, grads = nnx.value_and_grad(loss_fn)(model)
    optimizer.update(model, grads)
    return loss


@nnx.jit
def eval_mse(model, x, y):
    return jnp.mean((model(x) - y) ** 2)


def fit_regression(seed, x_train, y_train, x_test, y_test, epochs, batch_size):
    model = MLP(x_train.shape[1], rngs=nnx.Rngs(int(seed)))
    order_rng = np.random.default_rng(int(seed))
    n, bs = x_train.shape[0], int(batch_size)
    epoch_losses = []
    for _ in range(int(epochs)):
        optimizer = nnx.Optimizer(model, optax.adam(1e-2), wrt=nnx.Param)
        perm = order_rng.permutation(n)
        losses = []
        for start in range(0, n, bs):
            idx = perm[start:start + bs]
            losses.append(train_step(model, optimizer, x_train[idx], y_train[idx]))
        epoch_losses.append(jnp.mean(jnp.stack(losses)))
    return {"train_loss": jnp.stack(epoch_losses), "test_mse": eval_mse(model, x_test, y_test)}
