# pitfall: Accumulating in bfloat16
def accumulate_grads(seed, micro_grads):
    g = micro_grads.astype(jnp.bfloat16)

    def add(acc, gk):
        return acc + gk, None

    total, _ = jax.lax.scan(add, jnp.zeros(g.shape[1:], jnp.bfloat16), g)
    return total.astype(jnp.float32) / g.shape[0]
