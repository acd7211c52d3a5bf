import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(78)

    def arr(*shape):
        return rng.normal(size=shape).astype(np.float32)

    return [
        Case("worked example", seed=0.0, x=np.ones((8, 4), np.float32)),
        Case("random inputs", seed=1.0, x=arr(8, 4)),
        Case("another seed", seed=2.0, x=arr(8, 4)),
        Case("a batch of 16", seed=3.0, x=arr(16, 4)),
        Case("negative inputs", seed=4.0, x=-np.abs(arr(8, 4)), hidden=True),
        Case("a batch of 16, seed 9", seed=9.0, x=arr(16, 4), hidden=True),
    ]
