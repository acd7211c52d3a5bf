# pitfall: A Python loop
def rnn_scan(seed, W_h, W_x, b, h0, xs):
    h, hs = h0, []
    for x in xs:
        h = jnp.tanh(h @ W_h + x @ W_x + b)
        hs.append(h)
    return h, jnp.stack(hs)
