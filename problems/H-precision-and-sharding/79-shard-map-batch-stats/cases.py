import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(79)

    def arr(b, d, loc=0.0, scale=1.0):
        return (loc + scale * rng.normal(size=(b, d))).astype(np.float32)

    sorted_rows = np.sort(arr(16, 2), axis=0)   # every device's block has a different mean
    return [
        Case("worked example", seed=0.0, x=np.arange(32, dtype=np.float32).reshape(16, 2)),
        Case("random rows", seed=1.0, x=arr(16, 3)),
        Case("sorted rows: blocks with different means", seed=2.0, x=sorted_rows),
        Case("one row per device", seed=3.0, x=arr(8, 4)),
        Case("a constant feature has zero variance", seed=4.0,
             x=np.concatenate([arr(16, 1), np.full((16, 1), 3.0, np.float32)], axis=1)),
        Case("values far from zero", seed=5.0, x=arr(32, 2, loc=3000.0, scale=1.0), hidden=True),
        Case("a batch of 64", seed=6.0, x=arr(64, 3, loc=-2.0, scale=5.0), hidden=True),
    ]
