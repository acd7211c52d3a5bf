import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(63)

    def xs(b, d):
        return rng.normal(size=(b, d)).astype(np.float32)

    return [
        Case("worked example", seed=0.0, x=np.ones((2, 3), np.float32), n_calls=2.0),
        Case("one call", seed=1.0, x=xs(2, 3), n_calls=1.0),
        Case("three calls", seed=2.0, x=xs(3, 4), n_calls=3.0),
        Case("a single example, five calls", seed=5.0, x=xs(1, 4), n_calls=5.0),
        Case("four calls, another seed", seed=9.0, x=xs(2, 5), n_calls=4.0, hidden=True),
        Case("six calls on a larger batch", seed=13.0, x=xs(8, 6), n_calls=6.0, hidden=True),
    ]
