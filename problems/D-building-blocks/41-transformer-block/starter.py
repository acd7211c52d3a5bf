def transformer_block(seed, x, params, num_heads):
    # x + attention(LN1(x)), then + MLP(LN2(...)). Define any helpers in this cell.
    return jnp.zeros_like(x)
