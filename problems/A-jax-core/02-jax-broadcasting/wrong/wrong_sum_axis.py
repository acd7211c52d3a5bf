# pitfall: Summing over the wrong axis
def pairwise_sq_dists(seed, a, b):
    diff = a[:, None, :] - b[None, :, :]
    return jnp.sum(diff ** 2, axis=1)
