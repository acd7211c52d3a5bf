# pitfall: Subtracting the updates
def adam_fit(seed, w, b, x, y, lr, n_steps):
    params = {"w": w, "b": b}

    def loss_fn(params):
        return jnp.mean((x @ params["w"] + params["b"] - y) ** 2)

    tx = optax.adam(float(lr))
    opt_state = tx.init(params)
    losses = []
    for _ in range(int(n_steps)):
        loss, grads = jax.value_and_grad(loss_fn)(params)
        updates, opt_state = tx.update(grads, opt_state, params)
        params = jax.tree.map(lambda p, u: p - u, params, updates)
        losses.append(loss)
    return jnp.stack(losses), params["w"], params["b"]
