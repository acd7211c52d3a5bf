# pitfall: Skipping the module
class Affine(nnx.Module):
    def __init__(self, w, b):
        self.w = nnx.Param(w)
        self.b = nnx.Param(b)

    def __call__(self, x):
        return x @ self.w[...] + self.b[...]


def affine_forward(seed, x, w, b):
    y = x @ w + b
    return y, jnp.array(w.size + b.size, dtype=jnp.float32)
