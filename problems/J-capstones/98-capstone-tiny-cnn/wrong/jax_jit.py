# pitfall: Reaching for jax.jit
class TinyCNN(nnx.Module):
    def __init__(self, rngs):
        self.conv = nnx.Conv(1, 4, kernel_size=(3, 3), use_bias=False, rngs=rngs)
        self.bn = nnx.BatchNorm(4, momentum=0.9, rngs=rngs)
        self.head = nnx.Linear(4, 2, rngs=rngs)

    def __call__(self, x):
        h = nnx.relu(self.bn(self.conv(x)))
        h = nnx.max_pool(h, window_shape=(2, 2), strides=(2, 2))
        return self.head(h.mean(axis=(1, 2)))


@jax.jit
def train_step(model, optimizer, x, y):
    def loss_fn(model):
        logits = model(x)
        return optax.softmax_cross_entropy_with_integer_labels(logits, y).mean()

    loss, grads = nnx.value_and_grad(loss_fn)(model)
    optimizer.update(model, grads)
    return loss


@nnx.jit
def accuracy(model, x, y):
    return jnp.mean(jnp.argmax(model(x), axis=-1) == y)


def fit_cnn(seed, x_train, y_train, x_test, y_test, epochs, batch_size):
    model = TinyCNN(rngs=nnx.Rngs(int(seed)))
    optimizer = nnx.Optimizer(model, optax.adam(2e-2), wrt=nnx.Param)
    order_rng = np.random.default_rng(int(seed))
    n, bs = x_train.shape[0], int(batch_size)
    epoch_losses = []
    model.train()
    for _ in range(int(epochs)):
        perm = order_rng.permutation(n)
        losses = [train_step(model, optimizer, x_train[perm[i:i + bs]], y_train[perm[i:i + bs]])
                  for i in range(0, n, bs)]
        epoch_losses.append(jnp.mean(jnp.stack(losses)))
    model.eval()
    return {"train_loss": jnp.stack(epoch_losses), "test_acc": accuracy(model, x_test, y_test),
            "bn_mean": model.bn.mean[...]}
