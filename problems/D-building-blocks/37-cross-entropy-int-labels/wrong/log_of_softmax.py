# pitfall: Log of the softmax
def cross_entropy(seed, logits, labels):
    logp = jnp.log(jax.nn.softmax(logits, axis=-1))
    picked = jnp.take_along_axis(logp, labels[..., None], axis=-1)
    return -jnp.mean(picked)
