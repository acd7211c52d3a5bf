# pitfall: Summing instead of averaging
def cross_entropy(seed, logits, labels):
    logp = jax.nn.log_softmax(logits, axis=-1)
    picked = jnp.take_along_axis(logp, labels[..., None], axis=-1)
    return -jnp.sum(picked)
