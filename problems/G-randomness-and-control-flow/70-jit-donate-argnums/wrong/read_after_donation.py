# pitfall: Reading an array after donating it
def _sgd(params, grads, lr):
    return jax.tree.map(lambda p, g: p - lr * g, params, grads)


sgd_update = jax.jit(_sgd, donate_argnums=0)


def train_with_donation(seed, params, grads, lr):
    start = jax.tree.map(jnp.copy, params)
    current = start
    for t in range(grads["w"].shape[0]):
        step_grads = {k: g[t] for k, g in grads.items()}
        current = sgd_update(current, step_grads, float(lr))
    moved = optax.global_norm(jax.tree.map(lambda a, b: a - b, current, start))
    return current, moved
