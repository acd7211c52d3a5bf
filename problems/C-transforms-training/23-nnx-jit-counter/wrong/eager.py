# pitfall: Leaving the method eager
class RunningMean(nnx.Module):
    def __init__(self, dim):
        self.count = nnx.Variable(jnp.array(0.0))
        self.total = nnx.Variable(jnp.zeros(dim))

    def __call__(self, x):
        self.count[...] += 1.0
        self.total[...] += x
        return self.total[...] / self.count[...]


def running_mean(seed, xs):
    model = RunningMean(xs.shape[1])
    means = [model(x) for x in xs]
    return jnp.stack(means), model.count[...]
