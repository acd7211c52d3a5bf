# pitfall: A fresh nnx.Rngs for each model
class MLP(nnx.Module):
    def __init__(self, d_in, d_hidden, d_out, rngs):
        self.l1 = nnx.Linear(d_in, d_hidden, rngs=rngs)
        self.l2 = nnx.Linear(d_hidden, d_out, rngs=rngs)

    def __call__(self, x):
        return self.l2(jax.nn.relu(self.l1(x)))


def weight_soup(seed, x):
    model_a = MLP(x.shape[-1], 8, 2, rngs=nnx.Rngs(int(seed)))
    model_b = MLP(x.shape[-1], 8, 2, rngs=nnx.Rngs(int(seed)))

    graphdef, state_a = nnx.split(model_a)
    _, state_b = nnx.split(model_b)
    soup_state = jax.tree.map(lambda a, b: (a + b) / 2, state_a, state_b)
    soup = nnx.merge(graphdef, soup_state)

    return model_a(x), model_b(x), soup(x)
