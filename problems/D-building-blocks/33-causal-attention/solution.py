def causal_attention(seed, q, k, v):
    T, d = q.shape[-2], q.shape[-1]
    scores = q @ jnp.swapaxes(k, -1, -2) / jnp.sqrt(d)      # (B, T, T)
    mask = jnp.tril(jnp.ones((T, T), dtype=bool))           # key s <= query t
    scores = jnp.where(mask, scores, -jnp.inf)
    weights = jax.nn.softmax(scores, axis=-1)
    return weights @ v
