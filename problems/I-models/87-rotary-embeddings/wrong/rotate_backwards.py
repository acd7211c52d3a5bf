# pitfall: Rotating backwards
def apply_rope(seed, x, positions, base):
    d = x.shape[-1]
    half = d // 2
    freqs = float(base) ** (-jnp.arange(half, dtype=jnp.float32) * 2 / d)
    angles = positions.astype(jnp.float32)[:, None] * freqs[None, :]
    cos, sin = jnp.cos(angles), jnp.sin(angles)
    x1, x2 = x[..., :half], x[..., half:]
    return jnp.concatenate([x1 * cos + x2 * sin, x2 * cos - x1 * sin], axis=-1)
