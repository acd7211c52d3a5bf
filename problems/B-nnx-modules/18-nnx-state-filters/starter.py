class Seen(nnx.Variable):
    pass


class Tracked(nnx.Module):
    def __init__(self, dim, rngs):
        # w: an nnx.Param drawn with jax.random.normal(rngs.params(), (dim,));
        # seen: a Seen counter starting at 0.0.
        pass

    def __call__(self, x):
        # Add the batch size to seen, return x * w.
        return x


def copy_params(seed, x):
    # student, then teacher, from one nnx.Rngs(int(seed)); teacher runs 3 times,
    # student once; copy only the teacher's Params into the student; run the student.
    return jnp.zeros_like(x), jnp.zeros(2)
