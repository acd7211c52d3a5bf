import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(20)

    def seq(t, d):
        return rng.normal(size=(t, d)).astype(np.float32)

    return [
        Case("worked example", seed=0.0,
             params_seq=np.tile(np.array([1.0, 2.0, 3.0, 4.0], np.float32), (3, 1)),
             decay=0.9),
        Case("a single step", seed=1.0, params_seq=seq(1, 4), decay=0.9),
        Case("decay 0.0 keeps the last row", seed=2.0, params_seq=seq(4, 3), decay=0.0),
        Case("decay 0.5, changing weights", seed=3.0,
             params_seq=np.array([[1.0, 2.0], [3.0, 0.0], [5.0, -2.0]], np.float32), decay=0.5),
        Case("twenty steps, decay 0.99", seed=4.0, params_seq=seq(20, 4), decay=0.99),
        Case("ten steps, decay 0.8", probes="more steps", seed=5.0, params_seq=seq(10, 6), decay=0.8, hidden=True),
        Case("five steps, decay 0.95", probes="a decay close to 1, where debiasing matters most", seed=6.0, params_seq=seq(5, 2), decay=0.95, hidden=True),
    ]
