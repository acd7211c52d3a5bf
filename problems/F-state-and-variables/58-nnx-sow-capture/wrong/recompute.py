# pitfall: Recomputing instead of sowing
class MLP(nnx.Module):
    def __init__(self, rngs):
        self.l1 = nnx.Linear(3, 4, rngs=rngs)
        self.l2 = nnx.Linear(4, 2, rngs=rngs)

    def __call__(self, x):
        return self.l2(nnx.relu(self.l1(x)))


def run_all(model, xs):
    return jnp.stack([model(x) for x in xs])


def hidden_activity(seed, xs):
    model = MLP(nnx.Rngs(int(seed)))
    outputs = run_all(model, xs)
    hidden = jnp.stack([nnx.relu(model.l1(x)) for x in xs])
    return outputs, hidden, jnp.sum(hidden > 0, axis=(0, 1))
