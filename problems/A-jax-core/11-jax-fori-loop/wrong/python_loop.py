# pitfall: A Python loop
def spectral_norm(seed, W, v0, n_iters):
    v = v0 / jnp.linalg.norm(v0)
    for _ in range(int(n_iters)):
        u = W @ v
        u = u / jnp.linalg.norm(u)
        v = W.T @ u
        v = v / jnp.linalg.norm(v)
    return jnp.linalg.norm(W @ v), v
