# pitfall: A loss that is not a scalar
def linreg_grads(seed, W, b, x, y):
    def loss(W, b, x, y):
        pred = x @ W + b
        return (pred - y) ** 2

    return jax.grad(loss, argnums=(0, 1))(W, b, x, y)
