def _sgd(params, grads, lr):
    return jax.tree.map(lambda p, g: p - lr * g, params, grads)


sgd_update = jax.jit(_sgd)  # donate the params argument


def train_with_donation(seed, params, grads, lr):
    # Copy the caller's params, run one sgd_update per step of grads, and return
    # (final params, global norm of final - initial).
    return params, jnp.array(0.0)
