import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(58)

    def xs(n, b, scale=1.0, shift=0.0):
        return (shift + scale * rng.normal(size=(n, b, 3))).astype(np.float32)

    return [
        Case("worked example", seed=0.0,
             xs=np.array([[[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]], [[0.0, 0.0, 1.0],
                                                               [-1.0, -1.0, -1.0]]],
                         np.float32)),
        Case("one batch", seed=1.0, xs=xs(1, 4)),
        Case("three batches", seed=2.0, xs=xs(3, 5)),
        Case("negative inputs: dead units", seed=3.0, xs=xs(2, 3, 1.0, -3.0)),
        Case("many batches", seed=4.0, xs=xs(8, 2), hidden=True),
        Case("single examples", seed=5.0, xs=xs(5, 1, 2.0), hidden=True),
    ]
