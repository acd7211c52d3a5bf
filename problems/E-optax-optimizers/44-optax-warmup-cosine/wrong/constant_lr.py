# pitfall: Building the schedule but not using it
def warmup_cosine_sgd(seed, w, peak, warmup, total, end, n_steps):
    schedule = optax.warmup_cosine_decay_schedule(
        init_value=0.0,
        peak_value=float(peak),
        warmup_steps=int(warmup),
        decay_steps=int(total),
        end_value=float(end),
    )
    tx = optax.sgd(float(peak))
    opt_state = tx.init(w)
    lrs = []
    for step in range(int(n_steps)):
        grads = jax.grad(lambda w: 0.5 * jnp.sum(w**2))(w)
        updates, opt_state = tx.update(grads, opt_state, w)
        w = optax.apply_updates(w, updates)
        lrs.append(schedule(step))
    return jnp.stack(lrs), w
