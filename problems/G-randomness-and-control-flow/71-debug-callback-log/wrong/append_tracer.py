# pitfall: Appending the traced loss to a list
def loss_fn(w, x, y):
    return jnp.mean((x @ w - y) ** 2)


def train_and_log(seed, w0, x, y, lr, n_steps):
    log = []

    @jax.jit
    def train(w):
        def body(i, w):
            loss, g = jax.value_and_grad(loss_fn)(w, x, y)
            log.append(loss)
            return w - lr * g

        return jax.lax.fori_loop(0, int(n_steps), body, w)

    w = train(w0)
    return w, jnp.stack(log) if log else jnp.zeros(0)
