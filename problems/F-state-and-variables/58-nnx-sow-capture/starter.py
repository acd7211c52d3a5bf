class MLP(nnx.Module):
    def __init__(self, rngs):
        self.l1 = nnx.Linear(3, 4, rngs=rngs)
        self.l2 = nnx.Linear(4, 2, rngs=rngs)

    def __call__(self, x):
        h = nnx.relu(self.l1(x))
        # sow "hidden" (h itself) and "active" (per-unit count of positive entries,
        # summed over calls) as nnx.Intermediate
        return self.l2(h)


def run_all(model, xs):
    return jnp.stack([model(x) for x in xs])


def hidden_activity(seed, xs):
    model = MLP(nnx.Rngs(int(seed)))
    outputs = run_all(model, xs)
    return outputs, jnp.zeros(xs.shape[:2] + (4,)), jnp.zeros(4, jnp.int32)
