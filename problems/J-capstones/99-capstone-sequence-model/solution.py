class SeqModel(nnx.Module):
    def __init__(self, rngs):
        self.rnn = nnx.RNN(nnx.GRUCell(1, 16, rngs=rngs))
        self.head = nnx.Linear(16, 1, rngs=rngs)

    def __call__(self, x):                       # (B, T, 1), batch first
        h = self.rnn(x)                          # (B, T, 16): the output at every step
        return self.head(h[:, -1])               # read the last step: (B, 1)


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


def fit_sequence_model(seed, x_train, y_train, x_test, y_test, epochs, batch_size):
    model = SeqModel(rngs=nnx.Rngs(int(seed)))
    optimizer = nnx.Optimizer(model, optax.adam(2e-2), wrt=nnx.Param)
    order_rng = np.random.default_rng(int(seed))
    n, bs = x_train.shape[0], int(batch_size)
    epoch_losses = []
    for _ in range(int(epochs)):
        perm = order_rng.permutation(n)
        losses = [train_step(model, optimizer, x_train[perm[i:i + bs]], y_train[perm[i:i + bs]])
                  for i in range(0, n, bs)]
        epoch_losses.append(jnp.mean(jnp.stack(losses)))
    return {"train_loss": jnp.stack(epoch_losses), "test_mse": eval_mse(model, x_test, y_test)}
