class MLP(nnx.Module):
    def __init__(self, d_in, d_hidden, d_out, rngs):
        self.hidden = nnx.Linear(d_in, d_hidden, rngs=rngs)
        self.out = nnx.Linear(d_hidden, d_out, rngs=rngs)

    def __call__(self, x):
        return self.out(nnx.relu(self.hidden(x)))


def train_step(model, optimizer, metrics, x, y):
    # Compile with nnx.jit: loss and grads, optimizer update, metric update; return the loss.
    return jnp.zeros(())


def train_mlp(seed, x, y, n_steps):
    # Build the MLP, one Adam optimizer and one Average metric, then call train_step.
    losses = jnp.zeros(int(n_steps))
    return losses, jnp.zeros(()), jnp.zeros_like(y)
