# pitfall: Keeping the scale after an overflow
def scaled_grads(seed, w, x, y, scale):
    scale = float(scale)
    x16, y16 = x.astype(jnp.float16), y.astype(jnp.float16)

    def scaled_loss(w16):
        loss = jnp.mean((x16 @ w16 - y16) ** 2)
        return loss * jnp.asarray(scale, jnp.float16)

    g16 = jax.grad(scaled_loss)(w.astype(jnp.float16))
    g = g16.astype(jnp.float32) / scale
    finite = jnp.all(jnp.isfinite(g))
    new_scale = jnp.asarray(scale, jnp.float32)
    return jnp.where(finite, g, 0.0), new_scale, finite.astype(jnp.float32)
