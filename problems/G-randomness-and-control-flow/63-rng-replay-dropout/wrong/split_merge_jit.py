# pitfall: Jitting a merge without carrying the state out
class Block(nnx.Module):
    def __init__(self, d, rngs):
        self.lin = nnx.Linear(d, d, rngs=rngs)
        self.drop = nnx.Dropout(0.5, rngs=rngs)

    def __call__(self, x):
        return self.drop(self.lin(x))


def replay_dropout(seed, x, n_calls):
    n = int(n_calls)
    model = Block(x.shape[-1], nnx.Rngs(params=int(seed), dropout=int(seed) + 1))
    graphdef, state = nnx.split(model)
    forward = jax.jit(lambda state, x: nnx.merge(graphdef, state)(x))
    first = jnp.stack([forward(state, x) for _ in range(n)])
    nnx.reseed(model, dropout=int(seed) + 1)
    graphdef, state = nnx.split(model)
    replay = jnp.stack([forward(state, x) for _ in range(n)])
    return first, replay
