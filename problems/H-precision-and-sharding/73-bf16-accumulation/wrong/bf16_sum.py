# pitfall: A bfloat16 jnp.sum
def accumulate_grads(seed, micro_grads):
    g = micro_grads.astype(jnp.bfloat16)
    return jnp.sum(g, axis=0).astype(jnp.float32) / g.shape[0]
