# pitfall: Casting to float32 after the loop
def accumulate_grads(seed, micro_grads):
    g = micro_grads.astype(jnp.bfloat16)
    total = jnp.zeros(g.shape[1:], jnp.bfloat16)
    total = jax.lax.fori_loop(0, g.shape[0], lambda k, acc: acc + g[k], total)
    return (total.astype(jnp.float32)) / g.shape[0]
