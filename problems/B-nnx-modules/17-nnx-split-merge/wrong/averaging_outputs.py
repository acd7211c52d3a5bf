# pitfall: Averaging outputs instead of weights
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
    y_a, y_b = model_a(x), model_b(x)
    return y_a, y_b, (y_a + y_b) / 2
