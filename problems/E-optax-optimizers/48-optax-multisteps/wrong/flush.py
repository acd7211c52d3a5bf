# pitfall: Flushing a partial group
def accumulate(seed, w, xs, ys, lr, k):
    def loss_fn(w, x, y):
        return jnp.mean((x @ w - y) ** 2)

    k, n = int(k), xs.shape[0]
    tx = optax.sgd(float(lr), momentum=0.9)
    opt_state = tx.init(w)
    acc, seen = jnp.zeros_like(w), 0
    history, count = [], 0
    for i, (x, y) in enumerate(zip(xs, ys)):
        acc = acc + jax.grad(loss_fn)(w, x, y)
        seen += 1
        if seen == k or i == n - 1:
            updates, opt_state = tx.update(acc / seen, opt_state, w)
            w = optax.apply_updates(w, updates)
            acc, seen = jnp.zeros_like(w), 0
            count += 1
        history.append(w)
    return jnp.stack(history), jnp.array(count, jnp.int32)
