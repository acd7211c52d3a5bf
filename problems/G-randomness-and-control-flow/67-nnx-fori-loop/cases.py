import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(67)

    def arr(*shape):
        return rng.normal(size=shape).astype(np.float32)

    return [
        Case("worked example", seed=0.0, x=np.ones((1, 3), np.float32), n_iters=5.0),
        Case("zero iterations leave h at zero", seed=0.0, x=arr(2, 3), n_iters=0.0),
        Case("one iteration", seed=1.0, x=arr(2, 3), n_iters=1.0),
        Case("ten iterations", seed=2.0, x=arr(4, 3), n_iters=10.0),
        Case("thirty iterations", seed=3.0, x=arr(4, 3), n_iters=30.0, hidden=True),
        Case("three iterations, another seed", seed=12.0, x=arr(2, 3), n_iters=3.0, hidden=True),
    ]
