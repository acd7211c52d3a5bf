def cross_entropy(seed, logits, labels):
    logp = jax.nn.log_softmax(logits, axis=-1)                       # stable
    picked = jnp.take_along_axis(logp, labels[..., None], axis=-1)   # (..., 1)
    return -jnp.mean(picked)
