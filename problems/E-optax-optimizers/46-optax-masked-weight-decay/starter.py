class Net(nnx.Module):
    def __init__(self, rngs):
        self.dense = nnx.Linear(3, 4, rngs=rngs)
        self.norm = nnx.LayerNorm(4, rngs=rngs)
        self.head = nnx.Linear(4, 1, rngs=rngs)

    def __call__(self, x):
        return self.head(nnx.relu(self.norm(self.dense(x))))


def adamw_masked(seed, x, y, lr, weight_decay, n_steps):
    model = Net(nnx.Rngs(int(seed)))
    # Build optax.adamw with a mask that decays only the 2-D kernels, wrap it in
    # nnx.Optimizer, and train for n_steps on the mean squared error.
    losses = jnp.zeros(int(n_steps))
    return (losses, model.dense.kernel[...], model.dense.bias[...],
            model.norm.scale[...], model.head.kernel[...])
