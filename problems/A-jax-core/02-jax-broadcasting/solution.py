def pairwise_sq_dists(seed, a, b):
    # (N, 1, D) - (1, M, D) broadcasts to (N, M, D).
    diff = a[:, None, :] - b[None, :, :]
    return jnp.sum(diff ** 2, axis=-1)
