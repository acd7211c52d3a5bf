def adam_fit(seed, w, b, x, y, lr, n_steps):
    params = {"w": w, "b": b}
    # Build optax.adam(lr), initialise its state from params, then loop:
    # loss and grads, tx.update, optax.apply_updates.
    losses = jnp.zeros(int(n_steps))
    return losses, params["w"], params["b"]
