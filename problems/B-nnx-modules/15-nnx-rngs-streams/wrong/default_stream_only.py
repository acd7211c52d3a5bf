# pitfall: Only a default stream
def stream_draws(seed, n_params, n_dropout):
    rngs = nnx.Rngs(int(seed))
    p = [jax.random.uniform(rngs.params()) for _ in range(int(n_params))]
    d = [jax.random.uniform(rngs.dropout()) for _ in range(int(n_dropout))]
    return jnp.array(p, dtype=jnp.float32), jnp.array(d, dtype=jnp.float32)
