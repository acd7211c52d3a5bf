# pitfall: Closing over the model in jax.lax.scan
class Net(nnx.Module):
    def __init__(self, d, rngs):
        self.bn = nnx.BatchNorm(d, momentum=0.9, rngs=rngs)
        self.calls = nnx.Variable(jnp.array(0.0))

    def __call__(self, x):
        self.calls[...] += 1.0
        return self.bn(x)


@nnx.jit
def run_batches(model, xs):
    def step(carry, x):
        return carry, model(x)

    _, ys = jax.lax.scan(step, None, xs)
    return ys


def lifted_state(seed, xs):
    model = Net(xs.shape[-1], rngs=nnx.Rngs(int(seed)))
    ys = run_batches(model, xs)
    return ys, model.bn.mean[...], model.bn.var[...], model.calls[...]
