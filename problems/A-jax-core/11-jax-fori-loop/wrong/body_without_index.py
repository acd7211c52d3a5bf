# pitfall: A body without the index
def spectral_norm(seed, W, v0, n_iters):
    def body(v):
        u = W @ v
        u = u / jnp.linalg.norm(u)
        v = W.T @ u
        return v / jnp.linalg.norm(v)

    v = jax.lax.fori_loop(0, int(n_iters), body, v0 / jnp.linalg.norm(v0))
    return jnp.linalg.norm(W @ v), v
