# pitfall: Returning the first run twice
class Block(nnx.Module):
    def __init__(self, d, rngs):
        self.lin = nnx.Linear(d, d, rngs=rngs)
        self.drop = nnx.Dropout(0.5, rngs=rngs)

    def __call__(self, x):
        return self.drop(self.lin(x))


def replay_dropout(seed, x, n_calls):
    n = int(n_calls)
    @nnx.jit
    def f(m, x):
        return m(x)
    model = Block(x.shape[-1], nnx.Rngs(params=int(seed), dropout=int(seed) + 1))
    first = jnp.stack([f(model, x) for _ in range(n)])
    return first, first
