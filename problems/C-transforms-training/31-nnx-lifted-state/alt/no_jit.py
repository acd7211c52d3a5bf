# alternative: the same nnx.scan without nnx.jit (the statement allows it)
class Net(nnx.Module):
    def __init__(self, d, rngs):
        self.bn = nnx.BatchNorm(d, momentum=0.9, rngs=rngs)
        self.calls = nnx.Variable(jnp.array(0.0))

    def __call__(self, x):
        self.calls[...] += 1.0
        return self.bn(x)


def run_batches(model, xs):
    @nnx.scan(in_axes=(nnx.Carry, 0), out_axes=(nnx.Carry, 0))
    def step(model, x):
        return model, model(x)

    model, ys = step(model, xs)
    return ys


def lifted_state(seed, xs):
    model = Net(xs.shape[-1], rngs=nnx.Rngs(int(seed)))
    ys = run_batches(model, xs)
    return ys, model.bn.mean[...], model.bn.var[...], model.calls[...]
