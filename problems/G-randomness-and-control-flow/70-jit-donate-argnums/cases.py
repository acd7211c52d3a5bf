import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(70)

    def setup(t, d, k):
        params = {"w": rng.normal(size=(d, k)).astype(np.float32),
                  "b": rng.normal(size=(k,)).astype(np.float32)}
        grads = {"w": rng.normal(size=(t, d, k)).astype(np.float32),
                 "b": rng.normal(size=(t, k)).astype(np.float32)}
        return params, grads

    p1, g1 = setup(1, 3, 2)
    p2, g2 = setup(5, 3, 2)
    p3, g3 = setup(4, 2, 4)
    p4, g4 = setup(8, 3, 2)
    return [
        Case("worked example", seed=0.0,
             params={"w": np.ones((2, 1), np.float32), "b": np.zeros((1,), np.float32)},
             grads={"w": np.ones((2, 2, 1), np.float32), "b": np.ones((2, 1), np.float32)},
             lr=0.5),
        Case("a single step", seed=1.0, params=p1, grads=g1, lr=0.1),
        Case("five steps", seed=2.0, params=p2, grads=g2, lr=0.1),
        Case("lr 0 leaves the params where they were", seed=3.0, params=p3, grads=g3, lr=0.0),
        Case("eight steps", seed=4.0, params=p4, grads=g4, lr=0.05, hidden=True),
        Case("wider layer, large lr", seed=5.0, params=p3, grads=g3, lr=1.0, hidden=True),
    ]
