# pitfall: Clipping after the overflow
def brighten(seed, pixels, offset):
    return jnp.clip(pixels + int(offset), 0, 255)
