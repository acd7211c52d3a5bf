# alternative: __call__ itself compiled with @nnx.jit
class StepCounter(nnx.Module):
    def __init__(self, rngs):
        _ = rngs.params()
        self.step = nnx.Variable(jnp.array(0.0))

    @nnx.jit
    def __call__(self):
        self.step[...] += 1.0
        return self.step[...]


def counter_after_n_calls(seed, n_calls):
    n = int(n_calls)
    counter = StepCounter(rngs=nnx.Rngs(int(seed)))
    for _ in range(n):
        counter()
    return jnp.array([float(counter.step[...]), float(n)])
