def brighten(seed, pixels, offset):
    # Widen first so the sum cannot wrap around, saturate, then narrow back.
    wide = pixels.astype(jnp.int32) + int(offset)
    return jnp.clip(wide, 0, 255).astype(jnp.uint8)
