# pitfall: A fresh nnx.Rngs for each layer
class MLP(nnx.Module):
    def __init__(self, din, dhidden, dout, *, seed):
        self.fc1 = nnx.Linear(din, dhidden, rngs=nnx.Rngs(seed))
        self.fc2 = nnx.Linear(dhidden, dout, rngs=nnx.Rngs(seed))

    def __call__(self, x):
        return self.fc2(jax.nn.gelu(self.fc1(x)))


def mlp_block(seed, x, hidden_dim):
    d = x.shape[-1]
    return MLP(d, int(hidden_dim), d, seed=int(seed))(x)
