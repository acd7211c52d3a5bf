# pitfall: Closing over the cell in jax.lax.scan
class Cell(nnx.Module):
    def __init__(self, d, rngs):
        self.lin = nnx.Linear(d, d, rngs=rngs)
        self.drop = nnx.Dropout(0.5, rngs=rngs)

    def __call__(self, h, x):
        return self.drop(jnp.tanh(self.lin(h) + x))


@nnx.jit
def rollout(cell, xs):
    def step(h, x):
        h = cell(h, x)
        return h, h

    _, hs = jax.lax.scan(step, jnp.zeros(xs.shape[-1]), xs)
    return hs


def noisy_rollout(seed, xs):
    cell = Cell(xs.shape[-1], nnx.Rngs(params=int(seed), dropout=int(seed) + 1))
    hs = rollout(cell, xs)
    return hs, cell.drop.rngs.count[...].astype(jnp.float32)

