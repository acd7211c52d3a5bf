# pitfall: Returning the wide dtype
def brighten(seed, pixels, offset):
    return jnp.clip(pixels.astype(jnp.int32) + int(offset), 0, 255)
