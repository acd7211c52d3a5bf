# pitfall: Converting the loss with float() inside the loop
def loss_fn(w, x, y):
    return jnp.mean((x @ w - y) ** 2)


def train_and_log(seed, w0, x, y, lr, n_steps):
    log = []

    @jax.jit
    def train(w):
        def body(i, w):
            loss, g = jax.value_and_grad(loss_fn)(w, x, y)
            log.append(float(loss))
            return w - lr * g

        return jax.lax.fori_loop(0, int(n_steps), body, w)

    w = train(w0)
    return w, jnp.array(log, dtype=jnp.float32)
