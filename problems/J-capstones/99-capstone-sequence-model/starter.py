class SeqModel(nnx.Module):
    def __init__(self, rngs):
        # a GRU with 16 units (nnx.RNN around nnx.GRUCell), then a Linear(16, 1) head
        pass

    def __call__(self, x):
        pass


def train_step(model, optimizer, x, y):
    return jnp.zeros(())


def fit_sequence_model(seed, x_train, y_train, x_test, y_test, epochs, batch_size):
    return {"train_loss": jnp.zeros(int(epochs)), "test_mse": jnp.zeros(())}
