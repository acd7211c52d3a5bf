class Refiner(nnx.Module):
    def __init__(self, d, rngs):
        self.lin = nnx.Linear(d, d, rngs=rngs)
        self.iters = nnx.Variable(jnp.array(0.0))

    def __call__(self, h, x):
        self.iters[...] += 1.0
        return jnp.tanh(self.lin(h) + x)


@nnx.jit(static_argnums=2)
def run_refiner(model, x, n):
    def body(i, carry):
        model, h = carry
        return model, model(h, x)

    _, h = nnx.fori_loop(0, n, body, (model, jnp.zeros_like(x)))
    return h


def refine(seed, x, n_iters):
    model = Refiner(x.shape[-1], nnx.Rngs(int(seed)))
    h = run_refiner(model, x, int(n_iters))
    return h, model.iters[...]

