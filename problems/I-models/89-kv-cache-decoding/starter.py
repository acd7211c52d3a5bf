class CachedAttention(nnx.Module):
    def __init__(self, wq, wk, wv, max_len):
        # Params for the weights; non-trainable Variables for cache_k, cache_v and index.
        pass

    def __call__(self, x_t):
        # write k, v at the current index, advance it, attend over the filled rows
        pass


def decode_with_cache(seed, x, wq, wk, wv, max_len):
    return jnp.zeros_like(x), jnp.zeros((int(max_len), x.shape[1]))
