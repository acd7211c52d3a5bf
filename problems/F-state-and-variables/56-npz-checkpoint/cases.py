import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(56)

    def x(n, scale=1.0, shift=0.0):
        return (shift + scale * rng.normal(size=(n, 3))).astype(np.float32)

    return [
        Case("worked example", seed=0.0,
             x_train=np.array([[1.0, 2.0, 3.0], [-1.0, 0.0, 2.0], [0.5, 0.5, -1.0]],
                              np.float32),
             x_test=np.array([[1.0, 0.0, -1.0]], np.float32)),
        Case("a batch of 8", seed=1.0, x_train=x(8), x_test=x(4)),
        Case("another seed", seed=2.0, x_train=x(5), x_test=x(3)),
        Case("shifted training data", seed=3.0, x_train=x(16, 3.0, 4.0), x_test=x(5),
             hidden=True),
        Case("many test points", seed=4.0, x_train=x(6), x_test=x(32, 2.0), hidden=True),
    ]
