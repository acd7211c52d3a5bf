# pitfall: Counts without a reduce_fn
class MLP(nnx.Module):
    def __init__(self, rngs):
        self.l1 = nnx.Linear(3, 4, rngs=rngs)
        self.l2 = nnx.Linear(4, 2, rngs=rngs)

    def __call__(self, x):
        h = nnx.relu(self.l1(x))
        self.sow(nnx.Intermediate, "hidden", h)
        self.sow(nnx.Intermediate, "active", jnp.sum(h > 0, axis=0))
        return self.l2(h)


def run_all(model, xs):
    return jnp.stack([model(x) for x in xs])


def hidden_activity(seed, xs):
    model = MLP(nnx.Rngs(int(seed)))
    outputs, inter = nnx.capture(run_all, nnx.Intermediate)(model, xs)
    hidden = jnp.stack(inter["hidden"].get_value())
    active = inter["active"].get_value()[-1]
    return outputs, hidden, active
