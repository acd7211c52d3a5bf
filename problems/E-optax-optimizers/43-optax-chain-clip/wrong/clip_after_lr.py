# pitfall: Clipping after the learning rate
def clipped_sgd(seed, w, b, x, y, lr, max_norm, n_steps):
    params = {"w": w, "b": b}

    def loss_fn(params):
        return jnp.mean((x @ params["w"] + params["b"] - y) ** 2)

    tx = optax.chain(optax.sgd(float(lr)), optax.clip_by_global_norm(float(max_norm)))
    opt_state = tx.init(params)
    losses, norms = [], []
    for _ in range(int(n_steps)):
        loss, grads = jax.value_and_grad(loss_fn)(params)
        updates, opt_state = tx.update(grads, opt_state, params)
        params = optax.apply_updates(params, updates)
        losses.append(loss)
        norms.append(optax.global_norm(grads))
    return jnp.stack(losses), jnp.stack(norms), params["w"], params["b"]
