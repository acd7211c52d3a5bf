# pitfall: Indexing with every label
def cross_entropy(seed, logits, labels):
    logp = jax.nn.log_softmax(logits, axis=-1)
    return -jnp.mean(logp[..., labels])
