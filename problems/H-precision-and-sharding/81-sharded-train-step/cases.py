import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(81)

    def data(b, d):
        x = rng.normal(size=(b, d)).astype(np.float32)
        y = (np.sin(x.sum(axis=1, keepdims=True)) + 0.1 * rng.normal(size=(b, 1)))
        return x, y.astype(np.float32)

    xw = np.arange(32, dtype=np.float32).reshape(8, 4) / 10
    x1, y1 = data(8, 4)
    x2, y2 = data(8, 4)
    x3, y3 = data(8, 4)
    return [
        Case("worked example", seed=0.0, x=xw, y=xw.sum(axis=1, keepdims=True), lr=0.05,
             n_steps=4.0),
        Case("a single step", seed=1.0, x=x1, y=y1, lr=0.01, n_steps=1.0),
        Case("ten steps", seed=2.0, x=x2, y=y2, lr=0.01, n_steps=10.0),
        Case("another seed", seed=3.0, x=x1, y=y1, lr=0.05, n_steps=5.0),
        Case("fifteen steps", seed=4.0, x=x3, y=y3, lr=0.02, n_steps=15.0, hidden=True),
        Case("a large learning rate", seed=5.0, x=x2, y=y2, lr=0.3, n_steps=6.0, hidden=True),
    ]
