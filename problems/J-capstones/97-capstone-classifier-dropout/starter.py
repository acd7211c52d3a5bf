class Classifier(nnx.Module):
    def __init__(self, d_in, num_classes, rngs):
        self.l1 = nnx.Linear(d_in, 32, rngs=rngs)
        self.drop = nnx.Dropout(0.2, rngs=rngs)
        self.l2 = nnx.Linear(32, num_classes, rngs=rngs)

    def __call__(self, x):
        return self.l2(self.drop(nnx.relu(self.l1(x))))


def train_step(model, optimizer, x, y):
    # nnx.jit: cross-entropy, gradients, optimizer update; return the loss
    return jnp.zeros(())


def fit_classifier(seed, x_train, y_train, x_test, y_test, epochs, batch_size):
    # per epoch: model.train(), shuffled batches, model.eval(), evaluate the test set
    e = int(epochs)
    return {"train_loss": jnp.zeros(e), "test_loss": jnp.zeros(e), "test_acc": jnp.zeros(e)}
