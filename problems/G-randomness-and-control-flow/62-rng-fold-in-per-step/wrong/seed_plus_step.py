# pitfall: Adding the step to the seed
def noise_for_steps(seed, steps, dim):
    rows = [jax.random.normal(jax.random.key(int(seed) + int(s)), (int(dim),)) for s in steps]
    return jnp.stack(rows)
