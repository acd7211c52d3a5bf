# pitfall: Drawing one key and reusing it
def stream_draws(seed, n_params, n_dropout):
    rngs = nnx.Rngs(params=int(seed), dropout=int(seed) + 1)
    params_key = rngs.params()
    dropout_key = rngs.dropout()
    p = [jax.random.uniform(params_key) for _ in range(int(n_params))]
    d = [jax.random.uniform(dropout_key) for _ in range(int(n_dropout))]
    return jnp.array(p, dtype=jnp.float32), jnp.array(d, dtype=jnp.float32)
