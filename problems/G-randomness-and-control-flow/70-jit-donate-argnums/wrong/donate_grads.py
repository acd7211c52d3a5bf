# pitfall: Donating the gradients too
def _sgd(params, grads, lr):
    return jax.tree.map(lambda p, g: p - lr * g, params, grads)


sgd_update = jax.jit(_sgd, donate_argnums=(0, 1))  # params and the per-step grads are temporaries


def train_with_donation(seed, params, grads, lr):
    start = jax.tree.map(jnp.copy, params)
    p = jax.tree.map(jnp.copy, params)
    T = grads["w"].shape[0]
    for t in range(T):
        p = sgd_update(p, {k: g[t] for k, g in grads.items()}, lr)
    moved = optax.global_norm(jax.tree.map(lambda a, b: a - b, p, start))
    return p, moved
