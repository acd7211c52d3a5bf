class Block(nnx.Module):
    def __init__(self, d_in, d_hidden, d_out, rngs):
        self.linear = nnx.Linear(d_in, d_hidden, rngs=rngs)
        self.bn = nnx.BatchNorm(d_hidden, rngs=rngs)
        self.dropout = nnx.Dropout(0.1, rngs=rngs)
        self.out = nnx.Linear(d_hidden, d_out, use_bias=False, rngs=rngs)


def count_elements(model, *filters):
    # The total number of array elements in the part of model's state the filter selects.
    return 0


def state_sizes(seed, d_in, d_hidden, d_out):
    model = Block(int(d_in), int(d_hidden), int(d_out), rngs=nnx.Rngs(int(seed)))
    return jnp.array([count_elements(model, nnx.Param), 0, 0], dtype=jnp.int32)
