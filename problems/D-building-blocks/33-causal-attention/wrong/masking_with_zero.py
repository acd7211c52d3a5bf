# pitfall: Masking with zero
def causal_attention(seed, q, k, v):
    T, d = q.shape[-2], q.shape[-1]
    scores = q @ jnp.swapaxes(k, -1, -2) / jnp.sqrt(d)
    mask = jnp.tril(jnp.ones((T, T)))
    scores = scores * mask
    return jax.nn.softmax(scores, axis=-1) @ v
