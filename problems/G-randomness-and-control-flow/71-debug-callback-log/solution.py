def loss_fn(w, x, y):
    return jnp.mean((x @ w - y) ** 2)


def train_and_log(seed, w0, x, y, lr, n_steps):
    log = []

    def record(step, loss):
        log.append((int(step), float(loss)))

    @jax.jit
    def train(w):
        def body(i, w):
            loss, g = jax.value_and_grad(loss_fn)(w, x, y)
            jax.debug.callback(record, i, loss)
            return w - lr * g

        return jax.lax.fori_loop(0, int(n_steps), body, w)

    w = train(w0)
    jax.effects_barrier()
    losses = jnp.array([loss for _, loss in sorted(log)], dtype=jnp.float32)
    return w, losses
