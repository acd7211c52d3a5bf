class Net(nnx.Module):
    def __init__(self, rngs):
        self.l1 = nnx.Linear(1, 64, rngs=rngs)
        self.l2 = nnx.Linear(64, 64, rngs=rngs)
        self.out = nnx.Linear(64, 1, rngs=rngs)

    def __call__(self, x):
        return self.out(nnx.tanh(self.l2(nnx.tanh(self.l1(x)))))


def train_step(model, optimizer, x, y):
    return jnp.zeros(())


def fit_early_stopping(seed, x_train, y_train, x_val, y_val, x_test, y_test, max_epochs,
                       patience, batch_size):
    # train epoch by epoch; keep a snapshot of the best Params; stop after `patience`
    # epochs without improvement; restore the snapshot; test
    return {"val_loss": jnp.zeros(1), "best_epoch": jnp.array(-1, dtype=jnp.int32),
            "test_mse": jnp.zeros(())}
