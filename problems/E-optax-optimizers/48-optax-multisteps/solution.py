def accumulate(seed, w, xs, ys, lr, k):
    def loss_fn(w, x, y):
        return jnp.mean((x @ w - y) ** 2)

    tx = optax.MultiSteps(optax.sgd(float(lr), momentum=0.9), every_k_schedule=int(k))
    opt_state = tx.init(w)
    history = []
    for x, y in zip(xs, ys):
        grads = jax.grad(loss_fn)(w, x, y)
        updates, opt_state = tx.update(grads, opt_state, w)
        w = optax.apply_updates(w, updates)
        history.append(w)
    return jnp.stack(history), opt_state.gradient_step
