import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(16)

    def arr(*shape):
        return rng.normal(size=shape).astype(np.float32)

    # Few distinct shapes (3 input features, batch 2 or 4): each new shape compiles.
    return [
        Case("worked example", seed=0.0,
             x=np.array([[1.0, -1.0, 0.5], [0.0, 2.0, -0.5]], np.float32),
             d_hidden=4.0, d_out=2.0),
        Case("another seed", seed=1.0, x=arr(4, 3), d_hidden=4.0, d_out=2.0),
        Case("seed 10", seed=10.0, x=arr(2, 3), d_hidden=4.0, d_out=2.0),
        Case("single output", seed=2.0, x=arr(4, 3), d_hidden=4.0, d_out=1.0),
        Case("large inputs", seed=3.0, x=(4.0 * arr(4, 3)).astype(np.float32), d_hidden=4.0, d_out=2.0),
        Case("seed 42", probes="another seed", seed=42.0, x=arr(4, 3), d_hidden=4.0, d_out=2.0, hidden=True),
        Case("seed 7, single output", probes="a single output feature", seed=7.0, x=arr(2, 3), d_hidden=4.0, d_out=1.0, hidden=True),
    ]
