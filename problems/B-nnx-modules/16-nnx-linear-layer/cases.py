import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(16)

    def arr(*shape):
        return rng.normal(size=shape).astype(np.float32)

    # Few distinct layer shapes: every new kernel shape costs a compilation.
    return [
        Case("worked example", seed=0.0,
             x=np.array([[1.0, -1.0, 0.5], [0.0, 2.0, -0.5]], np.float32),
             d_hidden=4.0, d_out=2.0),
        Case("another seed", seed=1.0, x=arr(4, 3), d_hidden=4.0, d_out=2.0),
        Case("batch of one", seed=10.0, x=arr(1, 3), d_hidden=4.0, d_out=2.0),
        Case("single output", seed=2.0, x=arr(3, 3), d_hidden=4.0, d_out=1.0),
        Case("larger batch", seed=3.0, x=arr(8, 3), d_hidden=4.0, d_out=2.0),
        Case("random 6x3, seed 42", seed=42.0, x=arr(6, 3), d_hidden=4.0, d_out=2.0, hidden=True),
        Case("random 2x3, single output", seed=7.0, x=arr(2, 3), d_hidden=4.0, d_out=1.0, hidden=True),
    ]
