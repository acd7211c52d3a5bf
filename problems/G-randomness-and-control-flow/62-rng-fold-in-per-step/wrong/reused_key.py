# pitfall: Drawing from the base key every step
def noise_for_steps(seed, steps, dim):
    base = jax.random.key(int(seed))
    return jnp.stack([jax.random.normal(base, (int(dim),)) for _ in range(steps.shape[0])])
