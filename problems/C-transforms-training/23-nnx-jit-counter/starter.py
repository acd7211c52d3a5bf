class RunningMean(nnx.Module):
    def __init__(self, dim):
        self.count = nnx.Variable(jnp.array(0.0))
        self.total = nnx.Variable(jnp.zeros(dim))

    # Compile this method with nnx.jit; update count and total, return the mean so far.
    def __call__(self, x):
        return jnp.zeros_like(x)


def running_mean(seed, xs):
    # Feed the rows of xs to one RunningMean, one call per row.
    return jnp.zeros_like(xs), jnp.array(0.0)
