# pitfall: Skipping the module
def counter_after_n_calls(seed, n_calls):
    n = float(int(n_calls))
    return jnp.array([n, n])
