# pitfall: Summing instead of averaging
def accumulate(seed, w, xs, ys, lr, k):
    def loss_fn(w, x, y):
        return jnp.mean((x @ w - y) ** 2)

    k = int(k)
    tx = optax.sgd(float(lr), momentum=0.9)
    opt_state = tx.init(w)
    acc = jnp.zeros_like(w)
    history, count = [], 0
    for i, (x, y) in enumerate(zip(xs, ys)):
        acc = acc + jax.grad(loss_fn)(w, x, y)
        if (i + 1) % k == 0:
            updates, opt_state = tx.update(acc, opt_state, w)
            w = optax.apply_updates(w, updates)
            acc = jnp.zeros_like(w)
            count += 1
        history.append(w)
    return jnp.stack(history), jnp.array(count, jnp.int32)
