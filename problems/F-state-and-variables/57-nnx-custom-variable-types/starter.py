# Define Count, a Variable type of your own, and Tracked, which counts its calls in one.


class Two(nnx.Module):
    def __init__(self, rngs):
        self.a = Tracked(2, 3, rngs)
        self.b = Tracked(3, 1, rngs)

    def __call__(self, x):
        return self.b(nnx.relu(self.a(x)))


def count_and_train(seed, x, y, lr, n_steps):
    # Build Two, train it with SGD for n_steps, then read the counters and count the
    # elements of nnx.Param, Count, and everything that is not a Param.
    n = int(n_steps)
    return jnp.zeros(n), jnp.zeros(2), jnp.zeros(3, jnp.int32)
