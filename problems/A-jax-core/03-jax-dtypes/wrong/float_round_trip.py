# pitfall: A round trip through floats in [0, 1]
def brighten(seed, pixels, offset):
    # the image-pipeline habit: work in [0, 1], then scale back and convert (astype truncates)
    unit = jnp.clip(pixels / 255.0 + float(offset) / 255.0, 0.0, 1.0)
    return (unit * 255.0).astype(jnp.uint8)
