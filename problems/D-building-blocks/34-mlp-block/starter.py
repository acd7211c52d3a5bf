class MLP(nnx.Module):
    def __init__(self, din, dhidden, dout, *, rngs):
        # Two nnx.Linear layers: din -> dhidden -> dout.
        pass

    def __call__(self, x):
        return x


def mlp_block(seed, x, hidden_dim):
    # Build MLP(d, hidden_dim, d) from nnx.Rngs(int(seed)) and apply it to x.
    return jnp.zeros_like(x)
