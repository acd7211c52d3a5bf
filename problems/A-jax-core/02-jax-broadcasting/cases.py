import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(2)

    def pts(n, d):
        return rng.normal(size=(n, d)).astype(np.float32)

    same = pts(4, 3)
    return [
        Case("worked example", seed=0.0,
             a=np.array([[0, 0], [1, 1]], np.float32),
             b=np.array([[1, 0], [0, 0], [3, 4]], np.float32)),
        Case("N equals M", seed=1.0, a=pts(3, 2), b=pts(3, 2)),
        Case("a set against itself", seed=2.0, a=same, b=same.copy()),
        Case("single query point", seed=3.0, a=pts(1, 5), b=pts(6, 5)),
        Case("one-dimensional points", seed=4.0, a=pts(5, 1), b=pts(2, 1)),
        Case("random 7x4 against 9x4", probes="two sets of different sizes", seed=5.0, a=pts(7, 4), b=pts(9, 4), hidden=True),
        Case("random 6x8 against 6x8", probes="two sets of the same size, where swapped axes still run", seed=6.0, a=pts(6, 8), b=pts(6, 8), hidden=True),
    ]
