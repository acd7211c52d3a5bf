# pitfall: Returning float32
def softmax_and_norm_f16(seed, x):
    x16 = x.astype(jnp.float16)   # activations as a float16 model holds them
    x32 = x16.astype(jnp.float32)
    probs = jax.nn.softmax(x32, axis=-1)
    norms = jnp.linalg.norm(x32, axis=-1)
    return probs, norms
