# pitfall: Offsetting the later pieces yourself
def three_phase_lr(seed, peak, warmup, hold, decay_rate, decay_every, n_steps):
    warmup, hold = int(warmup), int(hold)
    schedule = optax.join_schedules(
        schedules=[
            optax.linear_schedule(0.0, float(peak), warmup),
            optax.constant_schedule(float(peak)),
            optax.exponential_decay(
                float(peak), int(decay_every), float(decay_rate), transition_begin=warmup + hold, staircase=True
            ),
        ],
        boundaries=[warmup, warmup + hold],
    )
    return schedule(jnp.arange(int(n_steps)))
