import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(13)

    def arr(*shape):
        return rng.normal(size=shape).astype(np.float32)

    return [
        Case("worked example", seed=0.0,
             x=np.array([[1.0, 0.0, 2.0], [0.0, 1.0, -1.0]], np.float32),
             w=np.array([[1.0, 2.0], [0.0, 1.0], [1.0, -1.0]], np.float32),
             b=np.array([0.5, -0.5], np.float32)),
        Case("batch of one", seed=1.0, x=arr(1, 4), w=arr(4, 3), b=arr(3)),
        Case("single output feature", seed=2.0, x=arr(5, 4), w=arr(4, 1), b=arr(1)),
        Case("wider output", seed=3.0, x=arr(3, 2), w=arr(2, 6), b=arr(6)),
        Case("zero bias", seed=4.0, x=arr(4, 5), w=arr(5, 3), b=np.zeros(3, np.float32)),
        Case("random 8x6 -> 4", probes="larger random shapes", seed=5.0, x=arr(8, 6), w=arr(6, 4), b=arr(4), hidden=True),
        Case("random 2x7 -> 3", probes="other shapes", seed=6.0, x=arr(2, 7), w=arr(7, 3), b=arr(3), hidden=True),
    ]
