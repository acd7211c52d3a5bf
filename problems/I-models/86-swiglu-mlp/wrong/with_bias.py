# pitfall: Biases in the projections
class SwiGLU(nnx.Module):
    def __init__(self, dim, hidden, rngs):
        self.gate = nnx.Linear(dim, hidden, use_bias=True, rngs=rngs)
        self.up = nnx.Linear(dim, hidden, use_bias=True, rngs=rngs)
        self.down = nnx.Linear(hidden, dim, use_bias=True, rngs=rngs)

    def __call__(self, x):
        return self.down(nnx.silu(self.gate(x)) * self.up(x))


def swiglu(seed, x, hidden_dim):
    model = SwiGLU(x.shape[-1], int(hidden_dim), rngs=nnx.Rngs(int(seed)))
    return model(x)
