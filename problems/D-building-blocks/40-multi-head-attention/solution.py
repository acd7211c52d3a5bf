def multi_head_attention(seed, x, wq, wk, wv, wo, num_heads):
    B, T, D = x.shape
    H = int(num_heads)
    Dh = D // H

    def split(t):                                   # (B, T, D) -> (B, H, T, Dh)
        return t.reshape(B, T, H, Dh).transpose(0, 2, 1, 3)

    q, k, v = split(x @ wq), split(x @ wk), split(x @ wv)
    scores = q @ jnp.swapaxes(k, -1, -2) / jnp.sqrt(Dh)       # (B, H, T, T)
    mask = jnp.tril(jnp.ones((T, T), dtype=bool))
    weights = jax.nn.softmax(jnp.where(mask, scores, -jnp.inf), axis=-1)
    heads = weights @ v                                        # (B, H, T, Dh)
    merged = heads.transpose(0, 2, 1, 3).reshape(B, T, D)      # back to (B, T, D)
    return merged @ wo
