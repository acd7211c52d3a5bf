# pitfall: Sharing the teacher's Variable
class Seen(nnx.Variable):
    pass


class Tracked(nnx.Module):
    def __init__(self, dim, rngs):
        self.w = nnx.Param(jax.random.normal(rngs.params(), (dim,)))
        self.seen = Seen(jnp.zeros(()))

    def __call__(self, x):
        self.seen[...] += x.shape[0]
        return x * self.w[...]


def copy_params(seed, x):
    rngs = nnx.Rngs(int(seed))
    student = Tracked(x.shape[-1], rngs)
    teacher = Tracked(x.shape[-1], rngs)
    for _ in range(3):
        teacher(x)
    student(x)

    student.w = teacher.w  # one Variable, now in both models

    y = student(x)
    return y, jnp.stack([student.seen[...], teacher.seen[...]])
