# pitfall: Subtracting without new axes
def pairwise_sq_dists(seed, a, b):
    return jnp.sum((a - b) ** 2, axis=-1)
