import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(18)

    def arr(*shape):
        return rng.normal(size=shape).astype(np.float32)

    return [
        Case("worked example", seed=0.0,
             x=np.array([[1.0, 2.0, 3.0], [-1.0, 0.5, 2.0]], np.float32)),
        Case("batch of one", seed=1.0, x=arr(1, 3)),
        Case("batch of four", seed=2.0, x=arr(4, 3)),
        Case("seed 11", seed=11.0, x=arr(2, 3)),
        Case("five features", seed=5.0, x=arr(2, 5)),
        Case("seed 99, batch of three", probes="another seed and batch", seed=99.0, x=arr(3, 3), hidden=True),
        Case("seed 2024", probes="another seed", seed=2024.0, x=arr(2, 3), hidden=True),
    ]
