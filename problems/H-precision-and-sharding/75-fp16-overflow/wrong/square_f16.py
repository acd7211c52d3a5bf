# pitfall: Squaring in float16
def softmax_and_norm_f16(seed, x):
    x16 = x.astype(jnp.float16)   # activations as a float16 model holds them
    x32 = x16.astype(jnp.float32)
    z = x32 - x32.max(axis=-1, keepdims=True)
    e = jnp.exp(z)
    probs = (e / e.sum(axis=-1, keepdims=True)).astype(jnp.float16)
    norms = jnp.sqrt(jnp.sum(x16 ** 2, axis=-1))
    return probs, norms
