# pitfall: Rewriting the loop to return the losses
def loss_fn(w, x, y):
    return jnp.mean((x @ w - y) ** 2)


def train_and_log(seed, w0, x, y, lr, n_steps):
    @jax.jit
    def train(w):
        def step(w, _):
            loss, g = jax.value_and_grad(loss_fn)(w, x, y)
            return w - lr * g, loss

        return jax.lax.scan(step, w, None, length=int(n_steps))

    w, losses = train(w0)
    return w, losses
