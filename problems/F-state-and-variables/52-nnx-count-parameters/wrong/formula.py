# pitfall: A formula instead of the model
class Block(nnx.Module):
    def __init__(self, d_in, d_hidden, d_out, rngs):
        self.linear = nnx.Linear(d_in, d_hidden, rngs=rngs)
        self.bn = nnx.BatchNorm(d_hidden, rngs=rngs)
        self.dropout = nnx.Dropout(0.1, rngs=rngs)
        self.out = nnx.Linear(d_hidden, d_out, use_bias=False, rngs=rngs)


def count_elements(model, *filters):
    return 0


def state_sizes(seed, d_in, d_hidden, d_out):
    d_in, h, d_out = int(d_in), int(d_hidden), int(d_out)
    return jnp.array([d_in * h + h + 2 * h + h * d_out, 2 * h, 2], dtype=jnp.int32)
