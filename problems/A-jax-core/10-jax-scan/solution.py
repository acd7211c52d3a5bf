def rnn_scan(seed, W_h, W_x, b, h0, xs):
    def step(h, x):
        h_new = jnp.tanh(h @ W_h + x @ W_x + b)
        return h_new, h_new  # (carry for the next step, output for this step)

    h_final, hs = jax.lax.scan(step, h0, xs)
    return h_final, hs
