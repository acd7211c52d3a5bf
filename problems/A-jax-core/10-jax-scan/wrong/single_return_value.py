# pitfall: A step that returns one value
def rnn_scan(seed, W_h, W_x, b, h0, xs):
    def step(h, x):
        return jnp.tanh(h @ W_h + x @ W_x + b)

    return jax.lax.scan(step, h0, xs)
