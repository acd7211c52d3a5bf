import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(23)

    def rows(n, d):
        return rng.normal(size=(n, d)).astype(np.float32)

    return [
        Case("worked example", seed=0.0,
             xs=np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], np.float32)),
        Case("a single call", seed=1.0, xs=rows(1, 3)),
        Case("constant rows keep the mean", seed=2.0,
             xs=np.full((4, 2), 2.5, np.float32)),
        Case("random 5 x 3", seed=3.0, xs=rows(5, 3)),
        Case("random 8 x 2", probes="more calls", seed=4.0, xs=rows(8, 2), hidden=True),
        Case("random 6 x 4", probes="wider rows", seed=5.0, xs=rows(6, 4), hidden=True),
    ]
