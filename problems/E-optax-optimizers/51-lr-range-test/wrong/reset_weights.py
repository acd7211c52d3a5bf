# pitfall: Starting every rate from the initial weights
def lr_range_test(seed, w, x, y, lr_min, lr_max, n_steps):
    n = int(n_steps)
    lrs = lr_min * (lr_max / lr_min) ** (jnp.arange(n) / (n - 1))

    def loss_fn(w):
        return jnp.mean((x @ w - y) ** 2)

    tx = optax.inject_hyperparams(optax.sgd)(learning_rate=lr_min, momentum=0.9)
    opt_state = tx.init(w)
    losses = []
    w0 = w
    for lr in lrs:
        opt_state.hyperparams["learning_rate"] = lr
        w = w0
        loss, grads = jax.value_and_grad(loss_fn)(w)
        updates, opt_state = tx.update(grads, opt_state, w)
        w = optax.apply_updates(w, updates)
        losses.append(loss)
    losses = jnp.stack(losses)
    suggestion = lrs[jnp.argmin(losses)] / 10
    return lrs, losses, suggestion
