# pitfall: Only the first filter
class Block(nnx.Module):
    def __init__(self, d_in, d_hidden, d_out, rngs):
        self.linear = nnx.Linear(d_in, d_hidden, rngs=rngs)
        self.bn = nnx.BatchNorm(d_hidden, rngs=rngs)
        self.dropout = nnx.Dropout(0.1, rngs=rngs)
        self.out = nnx.Linear(d_hidden, d_out, use_bias=False, rngs=rngs)


def count_elements(model, *filters):
    # mistake: only the first filter is used (all state when none is given)
    state = nnx.state(model, filters[0]) if filters else nnx.state(model)
    return int(sum(x.size for x in jax.tree.leaves(state)))


def state_sizes(seed, d_in, d_hidden, d_out):
    model = Block(int(d_in), int(d_hidden), int(d_out), rngs=nnx.Rngs(int(seed)))
    return jnp.array([count_elements(model, nnx.Param), count_elements(model, nnx.BatchStat),
                      count_elements(model, nnx.RngState)], dtype=jnp.int32)

