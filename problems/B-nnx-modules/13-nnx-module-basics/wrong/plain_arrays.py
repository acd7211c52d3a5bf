# pitfall: Plain arrays instead of nnx.Param
class Affine(nnx.Module):
    def __init__(self, w, b):
        self.w = w
        self.b = b

    def __call__(self, x):
        return x @ self.w + self.b


def affine_forward(seed, x, w, b):
    model = Affine(w, b)
    y = model(x)
    params = nnx.state(model, nnx.Param)
    n_params = sum(p.size for p in jax.tree.leaves(params))
    return y, jnp.array(n_params, dtype=jnp.float32)
