# pitfall: The root of the sum, not of the mean
def rms_norm(seed, x, scale, eps):
    sum_sq = jnp.sum(x ** 2, axis=-1, keepdims=True)
    return x / jnp.sqrt(sum_sq + float(eps)) * scale
