class Affine(nnx.Module):
    def __init__(self, w, b):
        # Store w and b as trainable parameters.
        pass

    def __call__(self, x):
        # Return x @ w + b.
        return x


def affine_forward(seed, x, w, b):
    # Build Affine(w, b), apply it to x, and count the numbers in its nnx.Param state.
    return jnp.zeros((x.shape[0], w.shape[1])), jnp.array(0.0)
