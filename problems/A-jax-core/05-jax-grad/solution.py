def linreg_grads(seed, W, b, x, y):
    def loss(W, b, x, y):
        pred = x @ W + b
        return jnp.mean((pred - y) ** 2)

    # Differentiate with respect to W (argument 0) and b (argument 1).
    return jax.grad(loss, argnums=(0, 1))(W, b, x, y)
