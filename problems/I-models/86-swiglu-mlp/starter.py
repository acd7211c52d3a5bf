class SwiGLU(nnx.Module):
    def __init__(self, dim, hidden, rngs):
        # gate, up (dim -> hidden) and down (hidden -> dim), no biases
        pass

    def __call__(self, x):
        pass


def swiglu(seed, x, hidden_dim):
    return jnp.zeros_like(x)
