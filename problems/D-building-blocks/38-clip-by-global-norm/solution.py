def clip_by_global_norm(seed, grads, max_norm):
    max_norm = float(max_norm)
    leaves = jax.tree.leaves(grads)
    norm = jnp.sqrt(sum(jnp.sum(g ** 2) for g in leaves))
    scale = jnp.minimum(1.0, max_norm / norm)      # norm 0 gives inf, min -> 1
    clipped = jax.tree.map(lambda g: g * scale, grads)
    return clipped, norm
