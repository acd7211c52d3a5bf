import numpy as np

from jaxlings.cases import Case


def cases():
    rng = np.random.default_rng(95)

    def imgs(n, h, w, c):
        return rng.normal(size=(n, h, w, c)).astype(np.float32)

    return [
        Case("worked example", seed=0.0,
             x=np.arange(18.0, dtype=np.float32).reshape(1, 3, 2, 3) / 18, out_channels=2.0),
        Case("4 channels to 8, 6x6", seed=1.0, x=imgs(2, 6, 6, 4), out_channels=8.0),
        Case("a single channel", seed=2.0, x=imgs(1, 5, 5, 1), out_channels=3.0),
        Case("fewer output channels", seed=3.0, x=imgs(2, 4, 4, 6), out_channels=2.0),
        Case("8x8 with 3 channels", seed=4.0, x=imgs(2, 8, 8, 3), out_channels=4.0, hidden=True),
        Case("another seed, 4 to 8", seed=5.0, x=imgs(2, 6, 6, 4), out_channels=8.0, hidden=True),
    ]
