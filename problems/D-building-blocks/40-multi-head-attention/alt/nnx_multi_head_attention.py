# alternative: Flax's nnx.MultiHeadAttention loaded with the matrices, as the statement shows
def multi_head_attention(seed, x, wq, wk, wv, wo, num_heads):
    B, T, D = x.shape
    H = int(num_heads)
    mha = nnx.MultiHeadAttention(num_heads=H, in_features=D, use_bias=False, decode=False,
                                 rngs=nnx.Rngs(0))
    mha.query.kernel[...] = wq.reshape(D, H, D // H)
    mha.key.kernel[...] = wk.reshape(D, H, D // H)
    mha.value.kernel[...] = wv.reshape(D, H, D // H)
    mha.out.kernel[...] = wo.reshape(H, D // H, D)
    return mha(x, mask=nnx.make_causal_mask(jnp.ones((B, T))))
