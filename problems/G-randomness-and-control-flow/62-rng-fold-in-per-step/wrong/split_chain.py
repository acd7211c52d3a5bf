# pitfall: Splitting a chain of keys
def noise_for_steps(seed, steps, dim):
    key = jax.random.key(int(seed))
    rows = []
    for _ in range(steps.shape[0]):
        key, sub = jax.random.split(key)
        rows.append(jax.random.normal(sub, (int(dim),)))
    return jnp.stack(rows)
