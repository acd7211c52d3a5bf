import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(31)

    # batches of 4 examples with 3 features; only the number of batches varies
    def batches(t, loc=0.0, scale=1.0):
        return (loc + scale * rng.normal(size=(t, 4, 3))).astype(np.float32)

    const = batches(3)
    const[:, :, 2] = 1.5
    return [
        Case("worked example", seed=0.0,
             xs=np.array([[[1.0, 0.0], [3.0, 0.0]], [[5.0, 2.0], [7.0, -2.0]]], np.float32)),
        Case("a single batch", seed=1.0, xs=batches(1)),
        Case("three batches", seed=2.0, xs=batches(3)),
        Case("a constant feature normalises to zero", seed=3.0, xs=const),
        Case("five batches", probes="more batches", seed=4.0, xs=batches(5), hidden=True),
        Case("three batches far from zero", probes="inputs far from zero mean", seed=5.0, xs=batches(3, loc=4.0, scale=2.0), hidden=True),
    ]
