# alternative: jnp.var, compiled with jax.jit
@jax.jit
def _norm(x, scale, bias, eps):
    mean = x.mean(axis=-1, keepdims=True)
    return (x - mean) * jax.lax.rsqrt(x.var(axis=-1, keepdims=True) + eps) * scale + bias


def layer_norm(seed, x, scale, bias, eps):
    return _norm(x, scale, bias, jnp.float32(eps))
