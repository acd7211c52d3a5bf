import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(72)

    def arr(*shape, scale=1.0):
        return (scale * rng.normal(size=shape)).astype(np.float32)

    return [
        Case("worked example", seed=0.0, x=np.array([[1.0, 2.0, 3.0]], np.float32),
             y=np.array([[0.5, -0.5]], np.float32)),
        Case("a batch of four", seed=1.0, x=arr(4, 3), y=arr(4, 2)),
        Case("another batch of four", seed=2.0, x=arr(4, 3), y=arr(4, 2)),
        Case("targets of zero", seed=3.0, x=arr(4, 3), y=np.zeros((4, 2), np.float32)),
        Case("large inputs", seed=4.0, x=arr(4, 3, scale=20.0), y=arr(4, 2), hidden=True),
        Case("another seed", seed=9.0, x=arr(4, 3), y=arr(4, 2), hidden=True),
    ]
