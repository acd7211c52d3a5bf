class Cell(nnx.Module):
    def __init__(self, d, rngs):
        self.lin = nnx.Linear(d, d, rngs=rngs)
        self.drop = nnx.Dropout(0.5, rngs=rngs)

    def __call__(self, h, x):
        return self.drop(jnp.tanh(self.lin(h) + x))


def noisy_rollout(seed, xs):
    # Build the Cell from nnx.Rngs(params=seed, dropout=seed + 1) and run it over the
    # steps of xs with nnx.scan, carrying (cell, h) from step to step.
    return jnp.zeros_like(xs), jnp.array(0.0)
