class Cell(nnx.Module):
    def __init__(self, d, rngs):
        self.lin = nnx.Linear(d, d, rngs=rngs)
        self.drop = nnx.Dropout(0.5, rngs=rngs)

    def __call__(self, h, x):
        return self.drop(jnp.tanh(self.lin(h) + x))


@nnx.jit
def rollout(cell, xs):
    @nnx.scan(in_axes=(nnx.Carry, 0), out_axes=(nnx.Carry, 0))
    def step(carry, x):
        cell, h = carry
        h = cell(h, x)
        return (cell, h), h

    h0 = jnp.zeros(xs.shape[-1])
    _, hs = step((cell, h0), xs)
    return hs


def noisy_rollout(seed, xs):
    cell = Cell(xs.shape[-1], nnx.Rngs(params=int(seed), dropout=int(seed) + 1))
    hs = rollout(cell, xs)
    return hs, cell.drop.rngs.count[...].astype(jnp.float32)

