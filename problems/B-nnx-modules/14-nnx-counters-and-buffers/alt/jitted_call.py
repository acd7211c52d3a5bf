# alternative: the counter called through nnx.jit, as the counters seed suggests for speed
class StepCounter(nnx.Module):
    def __init__(self, rngs):
        _ = rngs.params()
        self.step = nnx.Variable(jnp.array(0.0))

    def __call__(self):
        self.step[...] += 1.0
        return self.step[...]


@nnx.jit
def _tick(counter):
    return counter()


def counter_after_n_calls(seed, n_calls):
    n = int(n_calls)
    counter = StepCounter(rngs=nnx.Rngs(int(seed)))
    for _ in range(n):
        _tick(counter)
    return jnp.array([float(counter.step[...]), float(n)])
