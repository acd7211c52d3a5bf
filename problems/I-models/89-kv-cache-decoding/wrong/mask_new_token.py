# pitfall: Masking the new token
class CachedAttention(nnx.Module):
    def __init__(self, wq, wk, wv, max_len):
        self.wq, self.wk, self.wv = nnx.Param(wq), nnx.Param(wk), nnx.Param(wv)
        d = wq.shape[1]
        self.cache_k = nnx.Cache(jnp.zeros((max_len, d)))
        self.cache_v = nnx.Cache(jnp.zeros((max_len, d)))
        self.index = nnx.Cache(jnp.array(0, dtype=jnp.int32))

    def __call__(self, x_t):
        i = self.index[...]
        q, k, v = x_t @ self.wq[...], x_t @ self.wk[...], x_t @ self.wv[...]
        self.cache_k[...] = self.cache_k[...].at[i].set(k)
        self.cache_v[...] = self.cache_v[...].at[i].set(v)
        self.index[...] = i + 1
        scores = self.cache_k[...] @ q / jnp.sqrt(q.shape[-1])
        filled = jnp.arange(self.cache_k.shape[0]) < i
        weights = jax.nn.softmax(jnp.where(filled, scores, -jnp.inf))
        return weights @ self.cache_v[...]


def decode_with_cache(seed, x, wq, wk, wv, max_len):
    layer = CachedAttention(wq, wk, wv, int(max_len))
    outputs = [layer(x_t) for x_t in x]
    return jnp.stack(outputs), layer.cache_k[...]
