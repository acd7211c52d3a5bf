import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(65)

    def arr(*shape):
        return rng.normal(size=shape).astype(np.float32)

    return [
        Case("worked example", seed=0.0, xs=np.ones((4, 3), np.float32)),
        Case("a single step", seed=1.0, xs=arr(1, 3)),
        Case("random inputs", seed=2.0, xs=arr(4, 3)),
        Case("the same input at every step", seed=3.0, xs=np.tile(arr(1, 3), (4, 1))),
        Case("random inputs, another seed", seed=8.0, xs=arr(4, 3), hidden=True),
        Case("twelve steps", seed=5.0, xs=arr(12, 3), hidden=True),
    ]
