# pitfall: Wrapping nnx.Linear
class MyLinear(nnx.Module):
    def __init__(self, in_features, out_features, rngs):
        self.linear = nnx.Linear(in_features, out_features, rngs=rngs)

    def __call__(self, x):
        return self.linear(x)


def stacked_linear(seed, x, d_hidden, d_out):
    rngs = nnx.Rngs(int(seed))
    first = MyLinear(x.shape[-1], int(d_hidden), rngs=rngs)
    second = MyLinear(int(d_hidden), int(d_out), rngs=rngs)
    return second(jax.nn.relu(first(x)))
