def stream_draws(seed, n_params, n_dropout):
    # Build nnx.Rngs with a `params` stream seeded int(seed) and a `dropout` stream
    # seeded int(seed) + 1; turn each drawn key into jax.random.uniform(key).
    return (jnp.full((int(n_params),), -1.0, dtype=jnp.float32),
            jnp.full((int(n_dropout),), -1.0, dtype=jnp.float32))
