# pitfall: Tiling the groups
def grouped_query_attention(seed, x, wq, wk, wv, wo, num_heads, num_kv_heads):
    B, T, D = x.shape
    H, G = int(num_heads), int(num_kv_heads)
    Dh = D // H

    def split(t, n):
        return t.reshape(B, T, n, Dh).transpose(0, 2, 1, 3)

    q = split(x @ wq, H)
    k = jnp.tile(split(x @ wk, G), (1, H // G, 1, 1))
    v = jnp.tile(split(x @ wv, G), (1, H // G, 1, 1))
    scores = q @ jnp.swapaxes(k, -1, -2) / jnp.sqrt(Dh)
    mask = jnp.tril(jnp.ones((T, T), dtype=bool))
    weights = jax.nn.softmax(jnp.where(mask, scores, -jnp.inf), axis=-1)
    merged = (weights @ v).transpose(0, 2, 1, 3).reshape(B, T, D)
    return merged @ wo
