# pitfall: Clipping each leaf on its own
def clip_by_global_norm(seed, grads, max_norm):
    max_norm = float(max_norm)
    leaves = jax.tree.leaves(grads)
    norm = jnp.sqrt(sum(jnp.sum(g ** 2) for g in leaves))

    def clip(g):
        n = jnp.sqrt(jnp.sum(g ** 2))
        return g * jnp.minimum(1.0, max_norm / n)

    return jax.tree.map(clip, grads), norm
