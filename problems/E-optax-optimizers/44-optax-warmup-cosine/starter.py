def warmup_cosine_sgd(seed, w, peak, warmup, total, end, n_steps):
    # schedule = optax.warmup_cosine_decay_schedule(...); tx = optax.sgd(schedule)
    # Loop n_steps times on the loss 0.5 * sum(w ** 2), recording schedule(step).
    return jnp.zeros(int(n_steps)), w
