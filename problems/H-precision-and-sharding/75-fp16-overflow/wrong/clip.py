# pitfall: Clipping the logits
def softmax_and_norm_f16(seed, x):
    x16 = x.astype(jnp.float16)   # activations as a float16 model holds them
    e = jnp.exp(jnp.clip(x16, -11.0, 11.0))
    probs = e / e.sum(axis=-1, keepdims=True)
    norms = jnp.sqrt(jnp.sum(x16.astype(jnp.float32) ** 2, axis=-1)).astype(jnp.float16)
    return probs, norms
