# pitfall: Keeping live Variables as the checkpoint
class Net(nnx.Module):
    def __init__(self, rngs):
        self.l1 = nnx.Linear(1, 64, rngs=rngs)
        self.l2 = nnx.Linear(64, 64, rngs=rngs)
        self.out = nnx.Linear(64, 1, rngs=rngs)

    def __call__(self, x):
        return self.out(nnx.tanh(self.l2(nnx.tanh(self.l1(x)))))


@nnx.jit
def train_step(model, optimizer, x, y):
    def loss_fn(model):
        return jnp.mean((model(x) - y) ** 2)

    loss, grads = nnx.value_and_grad(loss_fn)(model)
    optimizer.update(model, grads)
    return loss


@nnx.jit
def mse(model, x, y):
    return jnp.mean((model(x) - y) ** 2)


def fit_early_stopping(seed, x_train, y_train, x_val, y_val, x_test, y_test, max_epochs,
                       patience, batch_size):
    model = Net(rngs=nnx.Rngs(int(seed)))
    tx = optax.chain(optax.clip_by_global_norm(1.0), optax.adam(1e-2))
    optimizer = nnx.Optimizer(model, tx, wrt=nnx.Param)
    order_rng = np.random.default_rng(int(seed))
    n, bs = x_train.shape[0], int(batch_size)
    best_loss, best_epoch, waited = float("inf"), -1, 0
    best_state = None
    val_losses = []
    for epoch in range(int(max_epochs)):
        perm = order_rng.permutation(n)
        for i in range(0, n, bs):
            train_step(model, optimizer, x_train[perm[i:i + bs]], y_train[perm[i:i + bs]])
        val = mse(model, x_val, y_val)
        val_losses.append(val)
        if float(val) < best_loss:
            best_loss, best_epoch, waited = float(val), epoch, 0
            best_state = nnx.state(model, nnx.Param)
        else:
            waited += 1
            if waited == int(patience):
                break
    nnx.update(model, best_state)
    return {"val_loss": jnp.stack(val_losses), "best_epoch": jnp.array(best_epoch, dtype=jnp.int32),
            "test_mse": mse(model, x_test, y_test)}
