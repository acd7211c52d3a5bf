# pitfall: Judging overflow by the loss
def scaled_grads(seed, w, x, y, scale):
    x16, y16, w16 = x.astype(jnp.float16), y.astype(jnp.float16), w.astype(jnp.float16)
    s16 = jnp.asarray(scale, jnp.float16)

    def loss(w16):
        scaled = jnp.mean((x16 @ w16 - y16) ** 2) * s16
        return scaled, scaled

    g16, scaled_loss = jax.grad(loss, has_aux=True)(w16)
    g = g16.astype(jnp.float32) / jnp.float32(scale)
    finite = jnp.isfinite(scaled_loss)          # did the scaled loss overflow?
    grads = jnp.where(finite, g, 0.0)
    new_scale = jnp.where(finite, scale, scale / 2.0).astype(jnp.float32)
    return grads, new_scale, finite.astype(jnp.float32)
