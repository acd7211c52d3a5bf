import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(17)

    def arr(*shape):
        return rng.normal(size=shape).astype(np.float32)

    # Every case has 3 input features and a batch of 2 or 4: few shapes to compile.
    return [
        Case("worked example", seed=0.0,
             x=np.array([[1.0, 0.5, -1.0], [-0.5, 2.0, 0.0]], np.float32)),
        Case("seed 1", seed=1.0, x=arr(2, 3)),
        Case("seed 2, batch of 4", seed=2.0, x=arr(4, 3)),
        Case("large inputs", seed=3.0, x=(5.0 * arr(4, 3)).astype(np.float32)),
        Case("seed 100", seed=100.0, x=arr(2, 3)),
        Case("seed 7, batch of 4", probes="another seed and batch", seed=7.0, x=arr(4, 3), hidden=True),
        Case("seed 31", probes="another seed", seed=31.0, x=arr(2, 3), hidden=True),
    ]
