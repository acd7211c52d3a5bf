def noise_for_steps(seed, steps, dim):
    base = jax.random.key(int(seed))

    def one(step):
        return jax.random.normal(jax.random.fold_in(base, step), (int(dim),))

    return jax.vmap(one)(steps)
