def accumulate_grads(seed, micro_grads):
    g = micro_grads.astype(jnp.bfloat16)   # gradients as a bfloat16 model produces them

    def add(acc, gk):
        return acc + gk.astype(jnp.float32), None

    total, _ = jax.lax.scan(add, jnp.zeros(g.shape[1:], jnp.float32), g)
    return total / g.shape[0]
