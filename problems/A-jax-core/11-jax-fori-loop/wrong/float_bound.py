# pitfall: A float loop bound
def spectral_norm(seed, W, v0, n_iters):
    def body(i, v):
        u = W @ v
        u = u / jnp.linalg.norm(u)
        v = W.T @ u
        return v / jnp.linalg.norm(v)

    v = jax.lax.fori_loop(0, n_iters, body, v0 / jnp.linalg.norm(v0))
    return jnp.linalg.norm(W @ v), v
