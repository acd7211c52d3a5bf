# alternative: einsum and a large negative mask value, compiled with jax.jit
@jax.jit
def _attend(q, k, v):
    T, d = q.shape[-2], q.shape[-1]
    scores = jnp.einsum("...td,...sd->...ts", q, k) / jnp.sqrt(d)
    causal = jnp.tril(jnp.ones((T, T), dtype=bool))
    scores = jnp.where(causal, scores, jnp.finfo(scores.dtype).min)
    return jnp.einsum("...ts,...sd->...td", jax.nn.softmax(scores, axis=-1), v)


def causal_attention(seed, q, k, v):
    return _attend(q, k, v)
