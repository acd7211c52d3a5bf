# pitfall: Always rescaling to max_norm
def clip_by_global_norm(seed, grads, max_norm):
    max_norm = float(max_norm)
    leaves = jax.tree.leaves(grads)
    norm = jnp.sqrt(sum(jnp.sum(g ** 2) for g in leaves))
    return jax.tree.map(lambda g: g * max_norm / norm, grads), norm
