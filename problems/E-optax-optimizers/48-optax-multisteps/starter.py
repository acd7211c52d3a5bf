def accumulate(seed, w, xs, ys, lr, k):
    # Wrap optax.sgd(lr, momentum=0.9) in optax.MultiSteps(..., every_k_schedule=k)
    # and feed it one micro-batch (xs[i], ys[i]) at a time.
    history = jnp.stack([w for _ in range(xs.shape[0])])
    return history, jnp.array(0, jnp.int32)
