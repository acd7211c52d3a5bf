import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(85)

    def seq(n, t, c):
        return rng.normal(size=(n, t, c)).astype(np.float32)

    return [
        Case("worked example", seed=0.0,
             x=(np.arange(6.0, dtype=np.float32) / 6).reshape(1, 6, 1), channels=2.0),
        Case("2 sequences of 10, 3 channels", seed=1.0, x=seq(2, 10, 3), channels=4.0),
        Case("an impulse at step 0", seed=2.0,
             x=np.eye(8, dtype=np.float32)[:, :1].reshape(1, 8, 1), channels=3.0),
        Case("shorter than the receptive field", seed=3.0, x=seq(2, 3, 2), channels=2.0),
        Case("a single step", seed=4.0, x=seq(1, 1, 2), channels=2.0, hidden=True),
        Case("long sequence of 20", seed=5.0, x=seq(1, 20, 2), channels=5.0, hidden=True),
    ]
