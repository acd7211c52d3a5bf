import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(80)

    def data(b, d, noise=0.1):
        x = rng.normal(size=(b, d)).astype(np.float32)
        w_true = rng.normal(size=(d, 1)).astype(np.float32)
        y = (x @ w_true + 0.5 + noise * rng.normal(size=(b, 1))).astype(np.float32)
        return x, y

    x1, y1 = data(16, 3)
    x2, y2 = data(32, 2)
    xs = np.sort(rng.normal(size=(16, 1)), axis=0).astype(np.float32)
    ys = (3.0 * xs - 1.0).astype(np.float32)
    x3, y3 = data(64, 4, noise=1.0)
    xw = (np.arange(32, dtype=np.float32).reshape(16, 2) / 10)
    return [
        Case("worked example", seed=0.0, w=np.zeros((2, 1), np.float32),
             b=np.zeros((1,), np.float32), x=xw, y=xw.sum(axis=1, keepdims=True),
             lr=0.02, n_steps=3.0),
        Case("one step", seed=1.0, w=np.zeros((3, 1), np.float32), b=np.zeros((1,), np.float32),
             x=x1, y=y1, lr=0.1, n_steps=1.0),
        Case("ten steps", seed=2.0, w=rng.normal(size=(3, 1)).astype(np.float32),
             b=np.ones((1,), np.float32), x=x1, y=y1, lr=0.05, n_steps=10.0),
        Case("sorted inputs: every device sees a different slice", seed=3.0,
             w=np.zeros((1, 1), np.float32), b=np.zeros((1,), np.float32), x=xs, y=ys,
             lr=0.2, n_steps=5.0),
        Case("a batch of 32", seed=4.0, w=np.zeros((2, 1), np.float32),
             b=np.zeros((1,), np.float32), x=x2, y=y2, lr=0.1, n_steps=6.0, hidden=True),
        Case("noisy batch of 64", seed=5.0, w=rng.normal(size=(4, 1)).astype(np.float32),
             b=np.zeros((1,), np.float32), x=x3, y=y3, lr=0.02, n_steps=8.0, hidden=True),
    ]
