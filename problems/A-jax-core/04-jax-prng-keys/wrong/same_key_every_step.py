# pitfall: One key for every step
def per_step_dropout(seed, dim, n_steps, keep_prob):
    dim, n_steps, keep_prob = int(dim), int(n_steps), float(keep_prob)
    key = jax.random.key(int(seed))
    params_key, dropout_key = jax.random.split(key)
    w = jax.random.normal(params_key, (dim,))
    rows = []
    for step in range(n_steps):
        mask = jax.random.bernoulli(dropout_key, keep_prob, (dim,))
        rows.append(jnp.where(mask, w / keep_prob, 0.0))
    return jnp.stack(rows)
