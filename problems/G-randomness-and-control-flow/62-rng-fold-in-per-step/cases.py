import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(62)
    shuffled = rng.permutation(20).astype(np.int32)[:6]
    return [
        Case("worked example", seed=0.0, steps=np.array([0, 1, 2], np.int32), dim=3.0),
        Case("a repeated step gets the same noise", seed=0.0,
             steps=np.array([5, 3, 5], np.int32), dim=4.0),
        Case("resuming at step 100", seed=1.0, steps=np.array([100, 101], np.int32), dim=2.0),
        Case("a single step", seed=7.0, steps=np.array([0], np.int32), dim=5.0),
        Case("steps in any order", seed=3.0, steps=shuffled, dim=3.0),
        Case("seed 1, step 0 is not seed 0, step 1", seed=1.0,
             steps=np.array([0, 1], np.int32), dim=3.0, hidden=True),
        Case("large step numbers", seed=11.0,
             steps=np.array([10_000, 123_456, 7], np.int32), dim=2.0, hidden=True),
    ]
