class TinyCNN(nnx.Module):
    def __init__(self, rngs):
        self.conv = nnx.Conv(1, 4, kernel_size=(3, 3), use_bias=False, rngs=rngs)
        self.bn = nnx.BatchNorm(4, momentum=0.9, rngs=rngs)
        self.head = nnx.Linear(4, 2, rngs=rngs)

    def __call__(self, x):
        h = nnx.relu(self.bn(self.conv(x)))
        h = nnx.max_pool(h, window_shape=(2, 2), strides=(2, 2))
        return self.head(h.mean(axis=(1, 2)))


def train_step(model, optimizer, x, y):
    # nnx.jit: cross-entropy, gradients, optimizer update; return the loss
    return jnp.zeros(())


def fit_cnn(seed, x_train, y_train, x_test, y_test, epochs, batch_size):
    # train in training mode, then evaluate in eval mode
    return {"train_loss": jnp.zeros(int(epochs)), "test_acc": jnp.zeros(()),
            "bn_mean": jnp.zeros(4)}
