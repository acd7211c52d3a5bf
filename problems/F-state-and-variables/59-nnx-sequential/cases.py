import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(59)

    def x(n, d):
        return rng.normal(size=(n, d)).astype(np.float32)

    return [
        Case("worked example", seed=0.0, x=np.array([[1.0, -1.0]], np.float32),
             sizes=[2.0, 3.0, 1.0]),
        Case("a single Linear", seed=1.0, x=x(4, 3), sizes=[3.0, 2.0]),
        Case("three layers", seed=2.0, x=x(5, 4), sizes=[4.0, 8.0, 8.0, 2.0]),
        Case("square layers", seed=3.0, x=x(3, 5), sizes=[5.0, 5.0, 5.0, 5.0]),
        Case("deep and narrow", seed=4.0, x=x(6, 2), sizes=[2.0, 3.0, 3.0, 3.0, 3.0, 1.0],
             hidden=True),
        Case("wide", seed=5.0, x=x(2, 16), sizes=[16.0, 64.0, 4.0], hidden=True),
    ]
