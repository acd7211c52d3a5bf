# alternative: the block built from nnx.LayerNorm, nnx.MultiHeadAttention and nnx.Linear
def transformer_block(seed, x, params, num_heads):
    B, T, D = x.shape
    H = int(num_heads)
    rngs = nnx.Rngs(0)

    def layer_norm(p):
        ln = nnx.LayerNorm(D, epsilon=1e-6, rngs=rngs)
        ln.scale[...] = p["scale"]
        ln.bias[...] = p["bias"]
        return ln

    a = params["attn"]
    mha = nnx.MultiHeadAttention(num_heads=H, in_features=D, use_bias=False, decode=False,
                                 rngs=rngs)
    mha.query.kernel[...] = a["wq"].reshape(D, H, D // H)
    mha.key.kernel[...] = a["wk"].reshape(D, H, D // H)
    mha.value.kernel[...] = a["wv"].reshape(D, H, D // H)
    mha.out.kernel[...] = a["wo"].reshape(H, D // H, D)

    m = params["mlp"]
    fc1 = nnx.Linear(D, m["w1"].shape[1], rngs=rngs)
    fc1.kernel[...], fc1.bias[...] = m["w1"], m["b1"]
    fc2 = nnx.Linear(m["w1"].shape[1], D, rngs=rngs)
    fc2.kernel[...], fc2.bias[...] = m["w2"], m["b2"]

    mask = nnx.make_causal_mask(jnp.ones((B, T)))
    h = x + mha(layer_norm(params["ln1"])(x), mask=mask)
    return h + fc2(jax.nn.gelu(fc1(layer_norm(params["ln2"])(h))))
