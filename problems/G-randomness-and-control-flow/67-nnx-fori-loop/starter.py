class Refiner(nnx.Module):
    def __init__(self, d, rngs):
        self.lin = nnx.Linear(d, d, rngs=rngs)
        self.iters = nnx.Variable(jnp.array(0.0))

    def __call__(self, h, x):
        self.iters[...] += 1.0
        return jnp.tanh(self.lin(h) + x)


def refine(seed, x, n_iters):
    # Build the Refiner from nnx.Rngs(int(seed)) and apply it int(n_iters) times with
    # nnx.fori_loop, starting from h = zeros_like(x). Return (h, model.iters[...]).
    return jnp.zeros_like(x), jnp.array(0.0)
