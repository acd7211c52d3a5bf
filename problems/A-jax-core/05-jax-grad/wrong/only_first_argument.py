# pitfall: Differentiating only the first argument
def linreg_grads(seed, W, b, x, y):
    def loss(W, b, x, y):
        pred = x @ W + b
        return jnp.mean((pred - y) ** 2)

    return jax.grad(loss)(W, b, x, y)
