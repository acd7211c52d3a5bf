def output_dtype(ns):
    """brighten returns a uint8 image, the same dtype as its input."""
    out = ns["brighten"](0.0, jnp.array([[0, 128, 255]], dtype=jnp.uint8), 10.0)
    return str(jnp.asarray(out).dtype)
