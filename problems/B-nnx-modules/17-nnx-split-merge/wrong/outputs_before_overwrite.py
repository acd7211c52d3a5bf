# pitfall: Updating a merge of model_a's own state
class MLP(nnx.Module):
    def __init__(self, d_in, d_hidden, d_out, rngs):
        self.l1 = nnx.Linear(d_in, d_hidden, rngs=rngs)
        self.l2 = nnx.Linear(d_hidden, d_out, rngs=rngs)

    def __call__(self, x):
        return self.l2(jax.nn.relu(self.l1(x)))


def weight_soup(seed, x):
    rngs = nnx.Rngs(int(seed))
    model_a = MLP(x.shape[-1], 8, 2, rngs=rngs)
    model_b = MLP(x.shape[-1], 8, 2, rngs=rngs)
    out_a, out_b = model_a(x), model_b(x)  # read before the soup, so the numbers look right

    graphdef, state_a = nnx.split(model_a)
    _, state_b = nnx.split(model_b)
    soup = nnx.merge(graphdef, state_a)  # shares model_a's Variables
    nnx.update(soup, jax.tree.map(lambda a, b: (a + b) / 2, state_a, state_b))
    return out_a, out_b, soup(x)
