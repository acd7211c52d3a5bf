class Block(nnx.Module):
    def __init__(self, d, rngs):
        self.lin = nnx.Linear(d, d, rngs=rngs)
        self.drop = nnx.Dropout(0.5, rngs=rngs)

    def __call__(self, x):
        return self.drop(self.lin(x))


@nnx.jit
def forward(model, x):
    return model(x)


def replay_dropout(seed, x, n_calls):
    n = int(n_calls)
    model = Block(x.shape[-1], nnx.Rngs(params=int(seed), dropout=int(seed) + 1))
    first = jnp.stack([forward(model, x) for _ in range(n)])
    nnx.reseed(model, dropout=int(seed) + 1)
    replay = jnp.stack([forward(model, x) for _ in range(n)])
    return first, replay
