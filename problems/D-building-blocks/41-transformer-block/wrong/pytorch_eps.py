# pitfall: PyTorch's eps
def layer_norm(x, p, eps=1e-5):
    mean = jnp.mean(x, axis=-1, keepdims=True)
    var = jnp.mean((x - mean) ** 2, axis=-1, keepdims=True)
    return (x - mean) / jnp.sqrt(var + eps) * p["scale"] + p["bias"]


def causal_mha(x, p, num_heads):
    B, T, D = x.shape
    H, Dh = num_heads, D // num_heads

    def split(t):
        return t.reshape(B, T, H, Dh).transpose(0, 2, 1, 3)

    q, k, v = split(x @ p["wq"]), split(x @ p["wk"]), split(x @ p["wv"])
    scores = q @ jnp.swapaxes(k, -1, -2) / jnp.sqrt(Dh)
    mask = jnp.tril(jnp.ones((T, T), dtype=bool))
    weights = jax.nn.softmax(jnp.where(mask, scores, -jnp.inf), axis=-1)
    merged = (weights @ v).transpose(0, 2, 1, 3).reshape(B, T, D)
    return merged @ p["wo"]


def mlp(x, p):
    return jax.nn.gelu(x @ p["w1"] + p["b1"]) @ p["w2"] + p["b2"]


def transformer_block(seed, x, params, num_heads):
    h = x + causal_mha(layer_norm(x, params["ln1"]), params["attn"], int(num_heads))
    return h + mlp(layer_norm(h, params["ln2"]), params["mlp"])
