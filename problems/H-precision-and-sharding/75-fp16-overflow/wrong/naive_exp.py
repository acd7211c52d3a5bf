# pitfall: Exponentiating float16 logits directly
def softmax_and_norm_f16(seed, x):
    x16 = x.astype(jnp.float16)   # activations as a float16 model holds them
    e = jnp.exp(x16)
    probs = e / e.sum(axis=-1, keepdims=True)
    norms = jnp.sqrt(jnp.sum(x16.astype(jnp.float32) ** 2, axis=-1)).astype(jnp.float16)
    return probs, norms
