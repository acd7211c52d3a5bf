# pitfall: Adding up the leaves' norms
def clip_by_global_norm(seed, grads, max_norm):
    max_norm = float(max_norm)
    leaves = jax.tree.leaves(grads)
    norm = sum(jnp.sqrt(jnp.sum(g ** 2)) for g in leaves)
    scale = jnp.minimum(1.0, max_norm / norm)
    return jax.tree.map(lambda g: g * scale, grads), norm
