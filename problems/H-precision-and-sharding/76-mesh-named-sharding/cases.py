import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(76)

    def arr(*shape):
        return rng.normal(size=shape).astype(np.float32)

    return [
        Case("worked example", seed=0.0, x=np.arange(32, dtype=np.float32).reshape(8, 4),
             w=np.arange(32, dtype=np.float32).reshape(4, 8)),
        Case("random values", seed=1.0, x=arr(8, 4), w=arr(4, 8)),
        Case("a batch of 16", seed=2.0, x=arr(16, 4), w=arr(4, 8)),
        Case("wider weights", seed=3.0, x=arr(8, 3), w=arr(3, 8)),
        Case("a batch of 32", seed=4.0, x=arr(32, 2), w=arr(2, 4), hidden=True),
        Case("four features, two outputs", seed=5.0, x=arr(4, 4), w=arr(4, 4), hidden=True),
    ]
