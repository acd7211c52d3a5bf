# alternative: hand-written with logsumexp and a one-hot mask, under jax.jit
@jax.jit
def cross_entropy_jit(logits, labels):
    picked = jnp.sum(logits * jax.nn.one_hot(labels, logits.shape[-1]), axis=-1)
    return jnp.mean(jax.nn.logsumexp(logits, axis=-1) - picked)


def cross_entropy(seed, logits, labels):
    return cross_entropy_jit(logits, labels)
