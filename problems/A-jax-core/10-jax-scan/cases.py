import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(10)

    def rnn(t, d, h, h0_zero=False):
        return dict(
            W_h=(rng.normal(size=(h, h)) / np.sqrt(h)).astype(np.float32),
            W_x=(rng.normal(size=(d, h)) / np.sqrt(d)).astype(np.float32),
            b=(0.1 * rng.normal(size=h)).astype(np.float32),
            h0=np.zeros(h, np.float32) if h0_zero else rng.normal(size=h).astype(np.float32),
            xs=rng.normal(size=(t, d)).astype(np.float32),
        )

    return [
        Case("worked example", seed=0.0,
             W_h=np.array([[0.5]], np.float32), W_x=np.array([[1.0]], np.float32),
             b=np.array([0.0], np.float32), h0=np.array([0.0], np.float32),
             xs=np.array([[1.0], [0.0], [0.0]], np.float32)),
        Case("a single step", seed=1.0, **rnn(1, 3, 4)),
        Case("zero initial state", seed=2.0, **rnn(5, 2, 3, h0_zero=True)),
        Case("non-zero initial state", seed=3.0, **rnn(4, 3, 2)),
        Case("longer sequence", seed=4.0, **rnn(12, 2, 4)),
        Case("random T=7, D=5, H=6", probes="larger random shapes", seed=5.0, **rnn(7, 5, 6), hidden=True),
        Case("random T=20, D=1, H=3", probes="a long sequence", seed=6.0, **rnn(20, 1, 3), hidden=True),
    ]
