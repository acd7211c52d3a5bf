# pitfall: Exact GELU from PyTorch habits
class MLP(nnx.Module):
    def __init__(self, din, dhidden, dout, *, rngs):
        self.fc1 = nnx.Linear(din, dhidden, rngs=rngs)
        self.fc2 = nnx.Linear(dhidden, dout, rngs=rngs)

    def __call__(self, x):
        return self.fc2(jax.nn.gelu(self.fc1(x), approximate=False))


def mlp_block(seed, x, hidden_dim):
    d = x.shape[-1]
    return MLP(d, int(hidden_dim), d, rngs=nnx.Rngs(int(seed)))(x)
