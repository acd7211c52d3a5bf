def rms_norm(seed, x, scale, eps):
    mean_sq = jnp.mean(x ** 2, axis=-1, keepdims=True)
    return x / jnp.sqrt(mean_sq + float(eps)) * scale
