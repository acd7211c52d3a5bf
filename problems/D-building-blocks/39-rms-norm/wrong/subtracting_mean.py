# pitfall: Subtracting the mean
def rms_norm(seed, x, scale, eps):
    centred = x - jnp.mean(x, axis=-1, keepdims=True)
    mean_sq = jnp.mean(centred ** 2, axis=-1, keepdims=True)
    return centred / jnp.sqrt(mean_sq + float(eps)) * scale
