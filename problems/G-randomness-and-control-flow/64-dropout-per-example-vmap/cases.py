import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(64)

    def arr(*shape):
        return rng.normal(size=shape).astype(np.float32)

    return [
        Case("worked example", seed=0.0, x=np.ones((4, 3), np.float32),
             y=np.zeros((4, 3), np.float32)),
        Case("a single example", seed=1.0, x=arr(1, 3), y=arr(1, 3)),
        Case("random examples", seed=2.0, x=arr(4, 3), y=arr(4, 3)),
        Case("identical examples still get their own masks", seed=3.0,
             x=np.tile(arr(1, 3), (4, 1)), y=np.zeros((4, 3), np.float32)),
        Case("random examples, another seed", seed=4.0, x=arr(4, 3), y=arr(4, 3), hidden=True),
        Case("identical examples, seed 17", seed=17.0,
             x=np.ones((4, 3), np.float32), y=np.ones((4, 3), np.float32), hidden=True),
    ]
