import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(53)

    def x(n, scale=1.0, shift=0.0):
        return (shift + scale * rng.normal(size=(n, 3))).astype(np.float32)

    return [
        Case("worked example", seed=0.0,
             x=np.array([[1.0, 2.0, 3.0], [-1.0, 0.0, 2.0]], np.float32)),
        Case("a batch of 8", seed=1.0, x=x(8)),
        Case("another seed", seed=2.0, x=x(4)),
        Case("one example", seed=3.0, x=x(1)),
        Case("shifted inputs", seed=4.0, x=x(16, 2.0, 5.0), hidden=True),
        Case("tiny inputs", seed=5.0, x=x(6, 1e-3), hidden=True),
    ]
