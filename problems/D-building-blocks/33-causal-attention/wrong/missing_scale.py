# pitfall: No 1/sqrt(d) scale
def causal_attention(seed, q, k, v):
    T = q.shape[-2]
    scores = q @ jnp.swapaxes(k, -1, -2)
    mask = jnp.tril(jnp.ones((T, T), dtype=bool))
    scores = jnp.where(mask, scores, -jnp.inf)
    return jax.nn.softmax(scores, axis=-1) @ v
