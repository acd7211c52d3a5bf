def clipped_sgd(seed, w, b, x, y, lr, max_norm, n_steps):
    params = {"w": w, "b": b}
    # tx = optax.chain(...): clip the gradients by their global norm, then SGD.
    n = int(n_steps)
    return jnp.zeros(n), jnp.zeros(n), params["w"], params["b"]
