# pitfall: A Python loop over the batches
class Net(nnx.Module):
    def __init__(self, d, rngs):
        self.bn = nnx.BatchNorm(d, momentum=0.9, rngs=rngs)
        self.calls = nnx.Variable(jnp.array(0.0))

    def __call__(self, x):
        self.calls[...] += 1.0
        return self.bn(x)


def lifted_state(seed, xs):
    model = Net(xs.shape[-1], rngs=nnx.Rngs(int(seed)))
    ys = jnp.stack([model(x) for x in xs])
    return ys, model.bn.mean[...], model.bn.var[...], model.calls[...]
