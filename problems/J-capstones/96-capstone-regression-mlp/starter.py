class MLP(nnx.Module):
    def __init__(self, d_in, rngs):
        self.l1 = nnx.Linear(d_in, 32, rngs=rngs)
        self.l2 = nnx.Linear(32, 32, rngs=rngs)
        self.out = nnx.Linear(32, 1, rngs=rngs)

    def __call__(self, x):
        return self.out(nnx.relu(self.l2(nnx.relu(self.l1(x)))))


def train_step(model, optimizer, x, y):
    # nnx.jit: MSE, gradients, optimizer update; return the loss
    return jnp.zeros(())


def fit_regression(seed, x_train, y_train, x_test, y_test, epochs, batch_size):
    # model, optimizer and shuffling generator once; epochs of shuffled mini-batches
    return {"train_loss": jnp.zeros(int(epochs)), "test_mse": jnp.zeros(())}
