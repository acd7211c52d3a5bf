# pitfall: A NumPy integer instead of an int
class Block(nnx.Module):
    def __init__(self, d_in, d_hidden, d_out, rngs):
        self.linear = nnx.Linear(d_in, d_hidden, rngs=rngs)
        self.bn = nnx.BatchNorm(d_hidden, rngs=rngs)
        self.dropout = nnx.Dropout(0.1, rngs=rngs)
        self.out = nnx.Linear(d_hidden, d_out, use_bias=False, rngs=rngs)


def count_elements(model, *filters):
    leaves = jax.tree.leaves(nnx.state(model, *filters))
    # mistake: numpy sum -> np.int64 (np.float64 0.0 when empty), not a Python int
    return np.sum([x.size for x in leaves])


def state_sizes(seed, d_in, d_hidden, d_out):
    model = Block(int(d_in), int(d_hidden), int(d_out), rngs=nnx.Rngs(int(seed)))
    return jnp.array([count_elements(model, nnx.Param), count_elements(model, nnx.BatchStat),
                      count_elements(model, nnx.RngState)], dtype=jnp.int32)

